import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { problemMessage, ProblemAlert } from "@/components/problem-alert";
import type { Organisation } from "@/features/registry/api/get-organisation";
import { useUpdateOrganisation, type OrganisationPatch } from "@/features/registry/api/update-organisation";
import type { Labels } from "@/features/registry/hooks/use-labels";
import {
  fieldProblems,
  formValues,
  organisationChanges,
  type FormField,
  type OrganisationFormValues,
} from "@/features/registry/utils/organisation-form";
import { VALUE_CHAIN } from "@/features/registry/utils/value-chain";
import { ORGANISATION_KINDS, PRIORITY_CODES, SIZE_CLASSES, VISIBILITIES } from "@/features/registry/utils/vocabulary";
import { ApiProblem } from "@/lib/problem";

type OrganisationEditFormProps = {
  organisation: Organisation;
  etag: string;
  labels: Labels;
  /** Only the managers of its region and the admin decide who may see it; its own members may not. */
  mayChangeVisibility: boolean;
  onSaved: () => void;
  onCancel: () => void;
  /** Fetches the current version after a 412; the form is then rebuilt from it. */
  onReload: () => void;
  reloading: boolean;
};

/** The profile's fields; saving sends only the changes with If-Match, so a stale form is refused (412). */
export function OrganisationEditForm({
  organisation,
  etag,
  labels,
  mayChangeVisibility,
  onSaved,
  onCancel,
  onReload,
  reloading,
}: OrganisationEditFormProps) {
  const { t } = useTranslation("registry");
  const { t: tShared } = useTranslation();
  const [values, setValues] = useState<OrganisationFormValues>(() => formValues(organisation));
  const [unchanged, setUnchanged] = useState(false);
  const update = useUpdateOrganisation();
  const ids = useFieldIds();

  const problem = update.error instanceof ApiProblem ? update.error : null;
  const stale = problem?.status === 412;
  const errors: Partial<Record<FormField, string>> =
    problem?.status === 422 ? fieldProblems(problem.problem.errors ?? []) : {};

  function set<K extends keyof OrganisationFormValues>(field: K, value: OrganisationFormValues[K]) {
    setUnchanged(false);
    setValues((current) => ({ ...current, [field]: value }));
  }

  function toggleIn(field: "value_chain" | "priorities", value: string) {
    const current = values[field];
    set(field, current.includes(value) ? current.filter((other) => other !== value) : [...current, value]);
  }

  function submit() {
    const changes = organisationChanges(organisation, values);
    if (Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    // values come from the API's own vocabularies; the API validates them again
    const patch = changes as OrganisationPatch;
    update.mutate({ id: organisation.id, etag, patch }, { onSuccess: onSaved });
  }

  const field = (name: FormField, label: string, control: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={ids.input(name)}>{label}</label>
      {control}
      {hint && (
        <p id={ids.hint(name)} className="field__hint">
          {hint}
        </p>
      )}
      {errors[name] && (
        <p id={ids.error(name)} className="field__error">
          {errors[name]}
        </p>
      )}
    </div>
  );

  const describedBy = (name: FormField, hint = false) =>
    [hint ? ids.hint(name) : null, errors[name] ? ids.error(name) : null].filter(Boolean).join(" ") || undefined;
  const inputProps = (name: FormField, hint = false) => ({
    id: ids.input(name),
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy(name, hint),
  });

  return (
    <form
      className="form organisation-form"
      aria-label={t("edit.formLabel", { name: organisation.name })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {stale && (
        <div role="alert" className="alert alert--error">
          <p className="alert__title">{t("edit.staleTitle")}</p>
          <p className="alert__body">{problemMessage(problem, tShared("status.networkError"))}</p>
          <button type="button" className="button button--secondary" disabled={reloading} onClick={onReload}>
            {reloading ? t("edit.reloading") : t("edit.reload")}
          </button>
        </div>
      )}
      {update.isError && !stale && <ProblemAlert error={update.error} title={t("edit.failed")} />}

      <div className="form__grid">
        {field(
          "name",
          t("fields.name"),
          <input
            {...inputProps("name")}
            className="input"
            required
            value={values.name}
            onChange={(event) => set("name", event.target.value)}
          />,
        )}
        {field(
          "kind",
          t("fields.kind"),
          <select
            {...inputProps("kind")}
            className="select"
            value={values.kind}
            onChange={(event) => set("kind", event.target.value)}
          >
            {ORGANISATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {labels.kind(kind)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "vat_number",
          t("fields.vatNumber"),
          <input
            {...inputProps("vat_number", true)}
            className="input"
            value={values.vat_number}
            onChange={(event) => set("vat_number", event.target.value)}
          />,
          t("edit.vatHint"),
        )}
        {field(
          "city",
          t("fields.city"),
          <input
            {...inputProps("city")}
            className="input"
            value={values.city}
            onChange={(event) => set("city", event.target.value)}
          />,
        )}
        {field(
          "website",
          t("fields.website"),
          <input
            {...inputProps("website", true)}
            type="url"
            className="input"
            value={values.website}
            onChange={(event) => set("website", event.target.value)}
          />,
          t("edit.websiteHint"),
        )}
        {field(
          "size_class",
          t("fields.size"),
          <select
            {...inputProps("size_class")}
            className="select"
            value={values.size_class}
            onChange={(event) => set("size_class", event.target.value)}
          >
            <option value="">{t("profile.notStated")}</option>
            {SIZE_CLASSES.map((size) => (
              <option key={size} value={size}>
                {labels.size(size)}
              </option>
            ))}
          </select>,
        )}
      </div>

      {field(
        "nace_codes",
        t("fields.nace"),
        <input
          {...inputProps("nace_codes", true)}
          className="input"
          value={values.nace_codes}
          onChange={(event) => set("nace_codes", event.target.value)}
        />,
        t("edit.naceHint"),
      )}

      <fieldset className="choice-group" aria-describedby={errors.value_chain ? ids.error("value_chain") : undefined}>
        <legend>{t("fields.valueChain")}</legend>
        <div className="choice-group__options">
          {VALUE_CHAIN.map((step) => (
            <label key={step} className="choice">
              <input
                type="checkbox"
                name="value_chain"
                value={step}
                checked={values.value_chain.includes(step)}
                onChange={() => toggleIn("value_chain", step)}
              />
              {labels.step(step)}
            </label>
          ))}
        </div>
        {errors.value_chain && (
          <p id={ids.error("value_chain")} className="field__error">
            {errors.value_chain}
          </p>
        )}
      </fieldset>

      <fieldset className="choice-group" aria-describedby={errors.priorities ? ids.error("priorities") : undefined}>
        <legend>{t("fields.priorities")}</legend>
        <div className="choice-group__options">
          {PRIORITY_CODES.map((code) => (
            <label key={code} className="choice">
              <input
                type="checkbox"
                name="priorities"
                value={code}
                checked={values.priorities.includes(code)}
                onChange={() => toggleIn("priorities", code)}
              />
              {labels.priority(code)}
            </label>
          ))}
        </div>
        {errors.priorities && (
          <p id={ids.error("priorities")} className="field__error">
            {errors.priorities}
          </p>
        )}
      </fieldset>

      {field(
        "capabilities",
        t("fields.capabilities"),
        <textarea
          {...inputProps("capabilities", true)}
          className="textarea"
          rows={4}
          value={values.capabilities}
          onChange={(event) => set("capabilities", event.target.value)}
        />,
        t("edit.capabilitiesHint"),
      )}
      {field(
        "certifications",
        t("fields.certifications"),
        <input
          {...inputProps("certifications", true)}
          className="input"
          value={values.certifications}
          onChange={(event) => set("certifications", event.target.value)}
        />,
        t("edit.certificationsHint"),
      )}
      {field(
        "description",
        t("fields.description"),
        <textarea
          {...inputProps("description")}
          className="textarea"
          rows={6}
          lang={organisation.language}
          value={values.description}
          onChange={(event) => set("description", event.target.value)}
        />,
      )}

      {mayChangeVisibility && (
        <fieldset className="choice-group">
          <legend>{t("fields.visibility")}</legend>
          <div className="choice-group__options">
            {VISIBILITIES.map((visibility) => (
              <label key={visibility} className="choice">
                <input
                  type="radio"
                  name="visibility"
                  value={visibility}
                  checked={values.visibility === visibility}
                  onChange={() => set("visibility", visibility)}
                />
                {t(`visibility.${visibility}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {unchanged && (
        <p role="status" className="muted">
          {t("edit.nothingChanged")}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t("edit.saving") : t("edit.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("edit.cancel")}
        </button>
      </div>
    </form>
  );
}

function useFieldIds() {
  const base = useId();
  return {
    input: (name: string) => `${base}-${name}`,
    hint: (name: string) => `${base}-${name}-hint`,
    error: (name: string) => `${base}-${name}-error`,
  };
}
