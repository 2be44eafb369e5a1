import "@/features/evaluation/components/evaluation.css";

import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useMyEvaluatorProfile, type EvaluatorProfile } from "@/features/evaluation/api/get-my-evaluator-profile";
import { useUpdateMyEvaluatorProfile } from "@/features/evaluation/api/update-my-evaluator-profile";
import { OrganisationPicker } from "@/features/evaluation/components/organisation-picker";
import {
  apiFieldProblems,
  EVALUATION_LANGUAGES,
  PRIORITY_CODES,
  profileBody,
  profileFormValues,
  profileProblems,
  type ProfileFormValues,
} from "@/features/evaluation/utils/profile-form";
import { languageName } from "@/lib/intl";
import { useRegions } from "@/lib/regions";

/** /evaluation/profile: the evaluator's own profile (join the pool, or change it). */
export function EvaluatorProfilePage() {
  const { t } = useTranslation("evaluation");
  const profile = useMyEvaluatorProfile();

  return (
    <div className="page evaluator-profile">
      <header className="page__header">
        <p>
          <Link to="/evaluation">{t("profile.back")}</Link>
        </p>
        <h1>{t("profile.title")}</h1>
        <p className="lead">{t("profile.intro")}</p>
      </header>
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <ProblemAlert error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <ProfileForm profile={profile.data} />
      )}
    </div>
  );
}

function ProfileForm({ profile }: { profile: EvaluatorProfile | null }) {
  const { t, i18n } = useTranslation("evaluation");
  const { t: tShared } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const id = useId();
  const regions = useRegions();
  const update = useUpdateMyEvaluatorProfile();
  const [values, setValues] = useState<ProfileFormValues>(() => profileFormValues(profile));
  const [localProblems, setLocalProblems] = useState<ReturnType<typeof profileProblems>>({});
  const [saved, setSaved] = useState<"created" | "updated" | null>(null);

  const fromApi = update.error ? apiFieldProblems(update.error) : {};
  const problems: Record<string, string> = { ...fromApi };
  if (localProblems.max_load) problems.max_load = t("profile.maxLoadInvalid");

  function set<K extends keyof ProfileFormValues>(field: K, value: ProfileFormValues[K]) {
    setSaved(null);
    setValues((current) => ({ ...current, [field]: value }));
  }

  function toggle(field: "expertise" | "languages", code: string) {
    const current = values[field];
    set(field, current.includes(code) ? current.filter((other) => other !== code) : [...current, code]);
  }

  function submit() {
    const found = profileProblems(values);
    setLocalProblems(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(profileBody(values), { onSuccess: ({ created }) => setSaved(created ? "created" : "updated") });
  }

  const describedBy = (field: string, hint: boolean) =>
    [hint ? `${id}-${field}-hint` : null, problems[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  const problem = (field: string) =>
    problems[field] ? (
      <p id={`${id}-${field}-error`} className="field__error">
        {problems[field]}
      </p>
    ) : null;

  return (
    <form
      className="form panel profile-form"
      aria-label={t("profile.formLabel")}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {update.isError && <ProblemAlert error={update.error} title={t("profile.failed")} />}

      <div className="field">
        <label htmlFor={`${id}-name`}>{t("profile.name")}</label>
        <input
          id={`${id}-name`}
          className="input"
          autoComplete="name"
          value={values.name}
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={describedBy("name", true)}
          onChange={(event) => set("name", event.target.value)}
        />
        <p id={`${id}-name-hint`} className="field__hint">
          {t("profile.nameHint")}
        </p>
        {problem("name")}
      </div>

      <OrganisationPicker
        value={values.organisation}
        onChange={(organisation) => set("organisation", organisation)}
        error={problems.organisation_id}
      />

      <div className="field">
        <label htmlFor={`${id}-region`}>{t("profile.region")}</label>
        <select
          id={`${id}-region`}
          className="select"
          value={values.region_code}
          aria-invalid={problems.region_code ? true : undefined}
          aria-describedby={describedBy("region_code", true)}
          onChange={(event) => set("region_code", event.target.value)}
        >
          <option value="">{t("profile.regionFromOrganisation")}</option>
          {(regions.data ?? []).map((region) => (
            <option key={region.code} value={region.code}>
              {`${region.name} (${region.code})`}
            </option>
          ))}
          {values.region_code && !regions.data?.some((region) => region.code === values.region_code) && (
            <option value={values.region_code}>{values.region_code}</option>
          )}
        </select>
        <p id={`${id}-region_code-hint`} className="field__hint">
          {t("profile.regionHint")}
        </p>
        {problem("region_code")}
      </div>

      <fieldset className="choice-group" aria-describedby={describedBy("expertise", true)}>
        <legend>{t("profile.expertise")}</legend>
        <p id={`${id}-expertise-hint`} className="field__hint">
          {t("profile.expertiseHint")}
        </p>
        {PRIORITY_CODES.map((code) => (
          <label key={code} className="choice">
            <input
              type="checkbox"
              name="expertise"
              value={code}
              checked={values.expertise.includes(code)}
              onChange={() => toggle("expertise", code)}
            />
            {tShared(`partnership.priorities.names.${code}`)}
          </label>
        ))}
        {problem("expertise")}
      </fieldset>

      <fieldset className="choice-group" aria-describedby={describedBy("languages", true)}>
        <legend>{t("profile.languages")}</legend>
        <p id={`${id}-languages-hint`} className="field__hint">
          {t("profile.languagesHint")}
        </p>
        {EVALUATION_LANGUAGES.map((code) => (
          <label key={code} className="choice">
            <input
              type="checkbox"
              name="languages"
              value={code}
              checked={values.languages.includes(code)}
              onChange={() => toggle("languages", code)}
            />
            <span lang={code}>{languageName(code, language)}</span>
          </label>
        ))}
        {problem("languages")}
      </fieldset>

      <div className="field field--narrow">
        <label htmlFor={`${id}-max_load`}>{t("profile.maxLoad")}</label>
        <input
          id={`${id}-max_load`}
          className="input"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          value={values.max_load}
          aria-invalid={problems.max_load ? true : undefined}
          aria-describedby={describedBy("max_load", true)}
          onChange={(event) => set("max_load", event.target.value)}
        />
        <p id={`${id}-max_load-hint`} className="field__hint">
          {t("profile.maxLoadHint")}
        </p>
        {problem("max_load")}
      </div>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t("profile.saving") : t("profile.save")}
        </button>
        <Link to="/evaluation" className="button button--secondary">
          {t("profile.backShort")}
        </Link>
      </div>
      <p role="status" aria-live="polite" className="status-line">
        {saved === "created" ? t("profile.created") : saved === "updated" ? t("profile.saved") : ""}
      </p>
    </form>
  );
}
