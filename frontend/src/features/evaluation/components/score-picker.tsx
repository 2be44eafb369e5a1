import { useTranslation } from "react-i18next";

import { HALF_STEPS } from "@/features/evaluation/utils/scores";
import { formatNumber } from "@/lib/intl";

type ScorePickerProps = {
  name: string;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
};

/**
 * A score from 0 to 5 in half steps as a group of radio buttons (arrow keys move between them), with "Not scored"
 * first: every value is one key press or one click away, and a screen reader reads each one.
 */
export function ScorePicker({ name, label, value, onChange, describedBy, invalid }: ScorePickerProps) {
  const { t, i18n } = useTranslation("evaluation");
  const language = i18n.resolvedLanguage ?? "en";
  return (
    <div
      role="radiogroup"
      aria-label={label}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      className="score-picker"
    >
      <label className="score-picker__option score-picker__option--none">
        <input type="radio" name={name} value="" checked={value === null} onChange={() => onChange(null)} />
        <span>{t("review.notScored")}</span>
      </label>
      {HALF_STEPS.map((step) => (
        <label key={step} className="score-picker__option" data-whole={Number.isInteger(step) ? "true" : "false"}>
          <input
            type="radio"
            name={name}
            value={String(step)}
            checked={value === step}
            onChange={() => onChange(step)}
          />
          <span>{formatNumber(step, language)}</span>
        </label>
      ))}
    </div>
  );
}
