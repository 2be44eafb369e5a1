import type { ControlProps } from "@/features/proposals/components/field-frame";
import { formatEuroInput, parseEuroInput } from "@/features/proposals/utils/euros";

type EuroInputProps = ControlProps & {
  value: string;
  language: string;
  disabled?: boolean;
  onChange: (value: string) => void;
};

/** An amount in euros: typed freely ("250000", "250.000,50"), shown grouped in the interface's language on blur. */
export function EuroInput({ value, language, disabled, onChange, ...control }: EuroInputProps) {
  return (
    <div className="euro-input">
      <span className="euro-input__symbol" aria-hidden="true">
        €
      </span>
      <input
        {...control}
        className="input"
        inputMode="decimal"
        autoComplete="off"
        disabled={disabled}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => {
          const parsed = parseEuroInput(value, language);
          if (parsed.ok) onChange(formatEuroInput(parsed.value, language));
        }}
      />
    </div>
  );
}
