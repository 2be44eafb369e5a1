import { useTranslation } from "react-i18next";

type RowButtonsProps = {
  /** Names the row in the buttons' accessible names ("Question 2"). */
  name: string;
  index: number;
  count: number;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
};

/** Move up, move down and remove, for one row of an editable list. */
export function RowButtons({ name, index, count, onMove, onRemove }: RowButtonsProps) {
  const { t } = useTranslation("calls");
  return (
    <span className="row-actions">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t("form.moveUp", { name })}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t("form.moveDown", { name })}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="button button--danger-quiet button--small"
        aria-label={t("form.removeNamed", { name })}
        onClick={onRemove}
      >
        {t("form.remove")}
      </button>
    </span>
  );
}
