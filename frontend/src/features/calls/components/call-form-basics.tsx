import { useTranslation } from "react-i18next";

import type { CallStatus } from "@/features/calls/api/get-calls";
import type { SectionProps } from "@/features/calls/components/call-form-parts";
import { FormField } from "@/features/calls/components/form-field";

type BasicsProps = SectionProps & { statuses: readonly CallStatus[] };

/** Code, title, kind and year, description, and the status the call is given. */
export function BasicsSection({ draft, problems, onChange, statuses }: BasicsProps) {
  const { t } = useTranslation("calls");
  return (
    <fieldset className="record-form__group" data-section="basics">
      <legend>{t("form.basics")}</legend>
      <div className="record-form__grid">
        <FormField label={t("form.code")} error={problems.code} hint={t("form.codeHint")}>
          {(control) => (
            <input
              {...control}
              name="code"
              autoComplete="off"
              value={draft.code}
              onChange={(e) => onChange((d) => ({ ...d, code: e.target.value }))}
            />
          )}
        </FormField>
        <FormField label={t("form.title")} error={problems.title} className="record-form__wide">
          {(control) => (
            <input
              {...control}
              name="title"
              value={draft.title}
              onChange={(e) => onChange((d) => ({ ...d, title: e.target.value }))}
            />
          )}
        </FormField>
        <FormField label={t("form.kind")} error={problems.kind} hint={t(`form.kindHint.${draft.kind}`)}>
          {(control) => (
            <select
              {...control}
              name="kind"
              value={draft.kind}
              onChange={(e) => onChange((d) => ({ ...d, kind: e.target.value === "permanent" ? "permanent" : "dated" }))}
            >
              <option value="dated">{t("kind.dated")}</option>
              <option value="permanent">{t("kind.permanent")}</option>
            </select>
          )}
        </FormField>
        {draft.kind === "permanent" && (
          <FormField label={t("form.year")} error={problems.year} hint={t("form.yearHint")}>
            {(control) => (
              <input
                {...control}
                name="year"
                inputMode="numeric"
                value={draft.year}
                onChange={(e) => onChange((d) => ({ ...d, year: e.target.value }))}
              />
            )}
          </FormField>
        )}
        <FormField label={t("form.status")} error={problems.status} hint={t("form.statusHint")}>
          {(control) => (
            <select
              {...control}
              name="status"
              value={draft.status}
              disabled={statuses.length < 2}
              onChange={(e) =>
                onChange((d) => ({ ...d, status: statuses.find((status) => status === e.target.value) ?? d.status }))
              }
            >
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("form.description")} error={problems.description} className="record-form__wide">
          {(control) => (
            <textarea
              {...control}
              name="description"
              rows={4}
              value={draft.description}
              onChange={(e) => onChange((d) => ({ ...d, description: e.target.value }))}
            />
          )}
        </FormField>
      </div>
    </fieldset>
  );
}
