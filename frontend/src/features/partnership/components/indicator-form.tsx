import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import { useCreateIndicator, type IndicatorInput } from "@/features/partnership/api/create-indicator";
import type { Indicator } from "@/features/partnership/api/get-region";
import { useUpdateIndicator } from "@/features/partnership/api/update-indicator";
import { FormActions } from "@/features/partnership/components/form-actions";
import { FormField } from "@/features/partnership/components/form-field";
import { apiFieldErrors, mergeFieldErrors } from "@/features/partnership/utils/form-problems";

type IndicatorFormProps = {
  regionCode: string;
  /** The value to change; none to add a new one. */
  indicator?: Indicator;
  onDone: () => void;
};

type Draft = {
  code: string;
  label: string;
  value: string;
  unit: string;
  year: string;
  scope: string;
  quality: "official" | "secondary";
  source: string;
  source_url: string;
};

const CODE_PATTERN = /^[a-z][a-z0-9_]{1,59}$/;
const DECIMAL_PATTERN = /^-?\d+(\.\d{1,4})?$/;

function draftOf(indicator?: Indicator): Draft {
  return {
    code: indicator?.code ?? "",
    label: indicator?.label ?? "",
    value: indicator?.value ?? "",
    unit: indicator?.unit ?? "",
    year: indicator?.year === null || indicator?.year === undefined ? "" : String(indicator.year),
    scope: indicator?.scope ?? "",
    quality: indicator?.quality ?? "secondary",
    source: indicator?.source ?? "",
    source_url: indicator?.source_url ?? "",
  };
}

/** Adds or changes one indicator value: what it counts, the number and unit, its year, scope, quality, source. */
export function IndicatorForm({ regionCode, indicator, onDone }: IndicatorFormProps) {
  const { t } = useTranslation("regions");
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(indicator));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useCreateIndicator(regionCode);
  const update = useUpdateIndicator(regionCode);
  const mutation = indicator ? update : create;
  const errors = mergeFieldErrors(localErrors, apiFieldErrors(mutation.error));

  // keyboard and screen-reader users land on the form they opened
  useEffect(() => headingRef.current?.focus(), []);

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of ["code", "label", "value", "unit", "scope", "source"] as const) {
      if (!draft[key].trim()) found[key] = t("form.required");
    }
    if (draft.code.trim() && !CODE_PATTERN.test(draft.code.trim())) found.code = t("indicators.form.codeInvalid");
    if (draft.value.trim() && !DECIMAL_PATTERN.test(draft.value.trim())) found.value = t("indicators.form.valueInvalid");
    if (draft.year.trim() && !/^\d{4}$/.test(draft.year.trim())) found.year = t("indicators.form.yearInvalid");
    return found;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check();
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: IndicatorInput = {
      code: draft.code.trim(),
      label: draft.label.trim(),
      value: draft.value.trim(),
      unit: draft.unit.trim(),
      year: draft.year.trim() ? Number(draft.year.trim()) : null,
      scope: draft.scope.trim(),
      quality: draft.quality,
      source: draft.source.trim(),
      source_url: draft.source_url.trim() || null,
    };
    if (indicator) update.mutate({ id: indicator.id, body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  }

  const general = mutation.error && Object.keys(apiFieldErrors(mutation.error)).length === 0;
  return (
    <form className="panel record-form" aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="record-form__title">
        {indicator ? t("indicators.form.editTitle", { label: indicator.label }) : t("indicators.form.addTitle")}
      </h3>
      {mutation.error && (
        <ProblemAlert error={mutation.error} title={general ? undefined : t("form.fixFields")} />
      )}
      <div className="record-form__grid">
        <FormField label={t("indicators.form.label")} error={errors.label}>
          {(control) => (
            <input {...control} name="label" value={draft.label} onChange={(e) => set("label", e.target.value)} />
          )}
        </FormField>
        <FormField label={t("indicators.form.code")} error={errors.code} hint={t("indicators.form.codeHint")}>
          {(control) => (
            <input
              {...control}
              name="code"
              spellCheck={false}
              value={draft.code}
              onChange={(e) => set("code", e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("indicators.form.value")} error={errors.value} hint={t("indicators.form.valueHint")}>
          {(control) => (
            <input
              {...control}
              name="value"
              inputMode="decimal"
              value={draft.value}
              onChange={(e) => set("value", e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("indicators.form.unit")} error={errors.unit}>
          {(control) => (
            <input {...control} name="unit" value={draft.unit} onChange={(e) => set("unit", e.target.value)} />
          )}
        </FormField>
        <FormField label={t("indicators.form.year")} error={errors.year} hint={t("indicators.form.yearHint")}>
          {(control) => (
            <input
              {...control}
              name="year"
              inputMode="numeric"
              value={draft.year}
              onChange={(e) => set("year", e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("indicators.form.quality")} error={errors.quality}>
          {(control) => (
            <select
              {...control}
              name="quality"
              className="select"
              value={draft.quality}
              onChange={(e) => set("quality", e.target.value === "official" ? "official" : "secondary")}
            >
              <option value="official">{t("quality.official")}</option>
              <option value="secondary">{t("quality.secondary")}</option>
            </select>
          )}
        </FormField>
        <FormField
          label={t("indicators.form.scope")}
          error={errors.scope}
          hint={t("indicators.form.scopeHint")}
          className="record-form__wide"
        >
          {(control) => (
            <textarea
              {...control}
              name="scope"
              rows={2}
              value={draft.scope}
              onChange={(e) => set("scope", e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("indicators.form.source")} error={errors.source} className="record-form__wide">
          {(control) => (
            <textarea
              {...control}
              name="source"
              rows={2}
              value={draft.source}
              onChange={(e) => set("source", e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("indicators.form.sourceUrl")} error={errors.source_url} className="record-form__wide">
          {(control) => (
            <input
              {...control}
              name="source_url"
              type="url"
              inputMode="url"
              value={draft.source_url}
              onChange={(e) => set("source_url", e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormActions saving={mutation.isPending} onCancel={onDone} />
    </form>
  );
}
