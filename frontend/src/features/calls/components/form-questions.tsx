import { useTranslation } from "react-i18next";

import type { CallField } from "@/features/calls/api/get-call";
import { formatDateTime } from "@/lib/intl";

/** The call's own questions on the proposal form, with how each is answered. */
export function FormQuestions({ fields }: { fields: readonly CallField[] }) {
  const { t, i18n } = useTranslation("calls");
  if (fields.length === 0) return <p className="muted">{t("detail.noFields")}</p>;
  return (
    <ul className="plain-list" aria-label={t("detail.fields")}>
      {fields.map((field) => {
        const notes = [
          t(`fieldType.${field.type}`),
          field.required ? t("detail.fieldRequired") : t("detail.fieldOptional"),
          ...(field.private_to_evaluators ? [t("detail.fieldPrivate")] : []),
          ...(field.frozen_after
            ? [t("detail.fieldFrozen", { when: formatDateTime(field.frozen_after, i18n.language) })]
            : []),
        ];
        return (
          <li key={field.key} data-field-key={field.key}>
            <strong>{field.label}</strong> <span className="muted">({notes.join(" · ")})</span>
            {field.help_text && <span className="muted small"> — {field.help_text}</span>}
            {field.options.length > 0 && (
              <span className="small"> {t("detail.fieldOptions", { options: field.options.join(" / ") })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
