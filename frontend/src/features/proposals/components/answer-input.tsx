import { useTranslation } from "react-i18next";

import type { CallField } from "@/features/proposals/api/get-call";
import type { ControlProps } from "@/features/proposals/components/field-frame";
import type { FieldValue } from "@/features/proposals/utils/proposal-form";

type AnswerInputProps = {
  field: CallField;
  control: ControlProps;
  value: FieldValue;
  disabled: boolean;
  onChange: (value: FieldValue) => void;
};

const DEFAULT_MAX_LENGTH: Partial<Record<CallField["type"], number>> = { text: 1_000, long_text: 20_000, url: 2_000 };

/** The input for one of the call's own questions, by its type. */
export function AnswerInput({ field, control, value, disabled, onChange }: AnswerInputProps) {
  const { t } = useTranslation("proposals");
  const text = typeof value === "string" ? value : "";
  const maxLength = field.max_length ?? DEFAULT_MAX_LENGTH[field.type];

  switch (field.type) {
    case "long_text":
      return (
        <textarea
          {...control}
          className="textarea"
          rows={6}
          maxLength={maxLength}
          disabled={disabled}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "number":
      return (
        <input
          {...control}
          className="input input--short"
          type="number"
          step="any"
          inputMode="decimal"
          disabled={disabled}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "choice":
      return (
        <select
          {...control}
          className="select"
          disabled={disabled}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t("editor.noAnswer")}</option>
          {/* an answer from an older version of the form stays visible */}
          {text && !field.options.includes(text) && <option value={text}>{text}</option>}
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case "boolean":
      return (
        <div className="choice-row">
          {[
            { choice: true, label: t("editor.yes") },
            { choice: false, label: t("editor.no") },
            { choice: null, label: t("editor.noAnswer") },
          ].map(({ choice, label }) => (
            <label key={String(choice)} className="choice-row__option">
              <input
                type="radio"
                name={control.name}
                disabled={disabled}
                checked={value === choice}
                onChange={() => onChange(choice)}
              />
              {label}
            </label>
          ))}
        </div>
      );
    case "date":
      return (
        <input
          {...control}
          className="input input--short"
          type="date"
          disabled={disabled}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "url":
      return (
        <input
          {...control}
          className="input"
          type="url"
          inputMode="url"
          maxLength={maxLength}
          placeholder="https://"
          disabled={disabled}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <input
          {...control}
          className="input"
          maxLength={maxLength}
          disabled={disabled}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
