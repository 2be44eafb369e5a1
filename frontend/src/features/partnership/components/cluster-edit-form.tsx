import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { problemMessage } from "@/components/problem-alert";
import type { ClusterProfile, VersionedCluster } from "@/features/partnership/api/get-cluster";
import { useUpdateCluster, type ClusterPatch } from "@/features/partnership/api/update-cluster";
import { FormActions } from "@/features/partnership/components/form-actions";
import { FormField } from "@/features/partnership/components/form-field";
import { MEMBER_TYPES } from "@/features/partnership/utils/cluster-members";
import { apiFieldErrors, mergeFieldErrors } from "@/features/partnership/utils/form-problems";
import { ApiProblem } from "@/lib/problem";

type ClusterEditFormProps = {
  versioned: VersionedCluster;
  /** Fetches the cluster afresh (after a 412) and resolves to the current version. */
  onReload: () => Promise<VersionedCluster | undefined>;
  onDone: () => void;
};

type TextField = "name" | "acronym" | "managed_by" | "website_en" | "support_programme" | "eccp_profile_url";
type ListField = "industrial_ecosystems" | "nace_codes" | "s3_priorities";
type MemberField = (typeof MEMBER_TYPES)[number];

type Draft = Record<TextField | ListField | MemberField, string> & {
  description: string;
  year_established: string;
  management_fte: string;
  esca_label: string;
  esca_valid_until: string;
  partnership_agreement_signed_on: string;
};

function draftOf(cluster: ClusterProfile): Draft {
  const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  return {
    name: cluster.name,
    acronym: cluster.acronym,
    managed_by: text(cluster.managed_by),
    website_en: text(cluster.website_en),
    support_programme: text(cluster.support_programme),
    eccp_profile_url: text(cluster.eccp_profile_url),
    description: text(cluster.description),
    year_established: text(cluster.year_established),
    management_fte: text(cluster.management_fte),
    industrial_ecosystems: cluster.industrial_ecosystems.join("\n"),
    nace_codes: cluster.nace_codes.join(", "),
    s3_priorities: cluster.s3_priorities.join("\n"),
    esca_label: text(cluster.esca_label),
    esca_valid_until: text(cluster.esca_valid_until),
    partnership_agreement_signed_on: text(cluster.partnership_agreement_signed_on),
    members_sme: String(cluster.members_sme),
    members_large: String(cluster.members_large),
    members_research: String(cluster.members_research),
    members_university: String(cluster.members_university),
    members_public: String(cluster.members_public),
    members_other: String(cluster.members_other),
  };
}

function lines(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The fields whose value changed, in the API's shape (only those are sent: a PATCH). */
function changes(before: Draft, after: Draft): ClusterPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Draft)[]) {
    if (before[key] === after[key]) continue;
    const value = after[key].trim();
    if (key === "nace_codes") patch[key] = lines(value, /[\s,;]+/);
    else if (key === "industrial_ecosystems" || key === "s3_priorities") patch[key] = lines(value, /\n/);
    else if ((MEMBER_TYPES as readonly string[]).includes(key)) patch[key] = Number(value);
    else if (key === "year_established") patch[key] = value ? Number(value) : null;
    else if (key === "name" || key === "acronym") patch[key] = value;
    else patch[key] = value || null;
  }
  return patch;
}

/**
 * Edits the cluster's ECCP profile. The change is sent with If-Match: when someone else saved in between,
 * the API answers 412 and the form offers to reload the current version.
 */
export function ClusterEditForm({ versioned, onReload, onDone }: ClusterEditFormProps) {
  const { t } = useTranslation("regions");
  const { t: tc } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [base, setBase] = useState(versioned);
  const [draft, setDraft] = useState<Draft>(() => draftOf(versioned.cluster));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const update = useUpdateCluster(versioned.cluster.id);
  const errors = mergeFieldErrors(localErrors, apiFieldErrors(update.error));
  const stale = update.error instanceof ApiProblem && update.error.status === 412;

  useEffect(() => headingRef.current?.focus(), []);

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    if (!draft.name.trim()) found.name = t("form.required");
    if (!draft.acronym.trim()) found.acronym = t("form.required");
    for (const type of MEMBER_TYPES) {
      if (!/^\d{1,7}$/.test(draft[type].trim())) found[type] = t("cluster.form.wholeNumber");
    }
    if (draft.year_established.trim() && !/^\d{4}$/.test(draft.year_established.trim())) {
      found.year_established = t("cluster.form.yearInvalid");
    }
    if (draft.management_fte.trim() && !/^\d{1,3}(\.\d{1,2})?$/.test(draft.management_fte.trim())) {
      found.management_fte = t("cluster.form.fteInvalid");
    }
    return found;
  }

  function set(key: keyof Draft, value: string) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReloaded(false);
    const found = check();
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = changes(draftOf(base.cluster), draft);
    if (Object.keys(body).length === 0) {
      onDone();
      return;
    }
    update.mutate({ etag: base.etag, body }, { onSuccess: onDone });
  }

  async function reload() {
    setReloading(true);
    const fresh = await onReload();
    setReloading(false);
    if (!fresh) return;
    setBase(fresh);
    setDraft(draftOf(fresh.cluster));
    setLocalErrors({});
    update.reset();
    setReloaded(true);
  }

  const text = (key: TextField, label: string, type: "text" | "url" = "text", hint?: string) => (
    <FormField label={label} error={errors[key]} hint={hint}>
      {(control) => (
        <input {...control} name={key} type={type} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
      )}
    </FormField>
  );

  return (
    <form className="panel record-form cluster-form" aria-labelledby={`${id}-title`} onSubmit={handleSubmit} noValidate>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="record-form__title">
        {t("cluster.form.title")}
      </h3>
      {reloaded && (
        <p role="status" className="alert alert--info">
          {t("cluster.form.reloaded")}
        </p>
      )}
      {update.error && (
        <div role="alert" className="alert alert--error">
          <p className="alert__title">{stale ? t("cluster.form.staleTitle") : t("form.fixFields")}</p>
          <p className="alert__body">{problemMessage(update.error, tc("status.networkError"))}</p>
          {stale && (
            <>
              <p className="alert__body">{t("cluster.form.staleHelp")}</p>
              <button type="button" className="button button--secondary" disabled={reloading} onClick={() => void reload()}>
                {reloading ? t("form.reloading") : t("form.reload")}
              </button>
            </>
          )}
        </div>
      )}

      <fieldset className="record-form__group">
        <legend>{t("cluster.form.identity")}</legend>
        <div className="record-form__grid">
          {text("name", t("cluster.fields.name"))}
          {text("acronym", t("cluster.fields.acronym"))}
          {text("managed_by", t("cluster.fields.managed_by"))}
          {text("website_en", t("cluster.fields.website_en"), "url", t("cluster.form.urlHint"))}
          <FormField label={t("cluster.fields.year_established")} error={errors.year_established}>
            {(control) => (
              <input
                {...control}
                name="year_established"
                inputMode="numeric"
                value={draft.year_established}
                onChange={(e) => set("year_established", e.target.value)}
              />
            )}
          </FormField>
          <FormField
            label={t("cluster.fields.management_fte")}
            error={errors.management_fte}
            hint={t("cluster.form.fteHint")}
          >
            {(control) => (
              <input
                {...control}
                name="management_fte"
                inputMode="decimal"
                value={draft.management_fte}
                onChange={(e) => set("management_fte", e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t("cluster.fields.description")} error={errors.description} className="record-form__wide">
            {(control) => (
              <textarea
                {...control}
                name="description"
                rows={4}
                value={draft.description}
                onChange={(e) => set("description", e.target.value)}
              />
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="record-form__group">
        <legend>{t("cluster.members.heading")}</legend>
        <div className="record-form__grid record-form__grid--narrow">
          {MEMBER_TYPES.map((type) => (
            <FormField key={type} label={t(`cluster.members.${type}`)} error={errors[type]}>
              {(control) => (
                <input
                  {...control}
                  name={type}
                  inputMode="numeric"
                  value={draft[type]}
                  onChange={(e) => set(type, e.target.value)}
                />
              )}
            </FormField>
          ))}
        </div>
      </fieldset>

      <fieldset className="record-form__group">
        <legend>{t("cluster.form.specialisation")}</legend>
        <div className="record-form__grid">
          <FormField
            label={t("cluster.fields.industrial_ecosystems")}
            error={errors.industrial_ecosystems}
            hint={t("cluster.form.onePerLine")}
          >
            {(control) => (
              <textarea
                {...control}
                name="industrial_ecosystems"
                rows={3}
                value={draft.industrial_ecosystems}
                onChange={(e) => set("industrial_ecosystems", e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t("cluster.fields.nace_codes")} error={errors.nace_codes} hint={t("cluster.form.naceHint")}>
            {(control) => (
              <input
                {...control}
                name="nace_codes"
                value={draft.nace_codes}
                onChange={(e) => set("nace_codes", e.target.value)}
              />
            )}
          </FormField>
          <FormField
            label={t("cluster.fields.s3_priorities")}
            error={errors.s3_priorities}
            hint={t("cluster.form.onePerLine")}
            className="record-form__wide"
          >
            {(control) => (
              <textarea
                {...control}
                name="s3_priorities"
                rows={3}
                value={draft.s3_priorities}
                onChange={(e) => set("s3_priorities", e.target.value)}
              />
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="record-form__group">
        <legend>{t("cluster.form.eccp")}</legend>
        <div className="record-form__grid">
          <FormField label={t("cluster.fields.esca_label")} error={errors.esca_label}>
            {(control) => (
              <select
                {...control}
                name="esca_label"
                className="select"
                value={draft.esca_label}
                onChange={(e) => set("esca_label", e.target.value)}
              >
                <option value="">{t("cluster.esca.none")}</option>
                <option value="bronze">{t("cluster.esca.bronze")}</option>
                <option value="silver">{t("cluster.esca.silver")}</option>
                <option value="gold">{t("cluster.esca.gold")}</option>
              </select>
            )}
          </FormField>
          <FormField label={t("cluster.fields.esca_valid_until")} error={errors.esca_valid_until}>
            {(control) => (
              <input
                {...control}
                name="esca_valid_until"
                type="date"
                value={draft.esca_valid_until}
                onChange={(e) => set("esca_valid_until", e.target.value)}
              />
            )}
          </FormField>
          {text("support_programme", t("cluster.fields.support_programme"))}
          {text("eccp_profile_url", t("cluster.fields.eccp_profile_url"), "url", t("cluster.form.urlHint"))}
          <FormField
            label={t("cluster.fields.partnership_agreement_signed_on")}
            error={errors.partnership_agreement_signed_on}
          >
            {(control) => (
              <input
                {...control}
                name="partnership_agreement_signed_on"
                type="date"
                value={draft.partnership_agreement_signed_on}
                onChange={(e) => set("partnership_agreement_signed_on", e.target.value)}
              />
            )}
          </FormField>
        </div>
      </fieldset>

      <FormActions saving={update.isPending} onCancel={onDone} />
    </form>
  );
}
