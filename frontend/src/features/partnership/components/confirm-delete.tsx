import { useState } from "react";
import { useTranslation } from "react-i18next";

type ConfirmDeleteProps = {
  /** What is deleted, for the buttons' names ("Delete Employees in textiles"). */
  name: string;
  pending: boolean;
  onConfirm: () => void;
};

/** A delete button that asks once more, in place, before it deletes. */
export function ConfirmDelete({ name, pending, onConfirm }: ConfirmDeleteProps) {
  const { t } = useTranslation("regions");
  const [asking, setAsking] = useState(false);

  if (!asking) {
    return (
      <button
        type="button"
        className="button button--ghost button--small"
        aria-label={t("form.deleteName", { name })}
        onClick={() => setAsking(true)}
      >
        {t("form.delete")}
      </button>
    );
  }
  return (
    <span className="confirm-delete" role="group" aria-label={t("form.confirmDeleteGroup", { name })}>
      <button
        type="button"
        className="button button--danger button--small"
        disabled={pending}
        aria-label={t("form.confirmDeleteName", { name })}
        autoFocus
        onClick={onConfirm}
      >
        {pending ? t("form.deleting") : t("form.confirmDelete")}
      </button>
      <button type="button" className="button button--ghost button--small" onClick={() => setAsking(false)}>
        {t("form.cancel")}
      </button>
    </span>
  );
}
