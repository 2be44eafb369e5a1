import { useTranslation } from "react-i18next";

/** Save and cancel at the foot of a record form; Save is disabled while the write is in flight. */
export function FormActions({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  const { t } = useTranslation("regions");
  return (
    <div className="record-form__actions">
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving ? t("form.saving") : t("form.save")}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t("form.cancel")}
      </button>
    </div>
  );
}
