import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { IndicatorEntry } from "@/features/opportunities/api/get-indicators";

type IndicatorPickerProps = {
  /** null while we do not know yet whether boundaries were imported. */
  boundariesLoaded: boolean | null;
  indicators: IndicatorEntry[] | undefined;
  value: string | null;
  onChange: (code: string | null) => void;
};

/** Chooses the indicator the regions are coloured by; says so when there are no boundaries to colour. */
export function IndicatorPicker({ boundariesLoaded, indicators, value, onChange }: IndicatorPickerProps) {
  const { t } = useTranslation("opportunities");
  const id = useId();
  const noteId = useId();
  const unavailable = boundariesLoaded === false;
  return (
    <div className="indicator-picker">
      <label htmlFor={id}>{t("indicator.label")}</label>
      <select
        id={id}
        name="indicator"
        className="select"
        value={unavailable ? "" : (value ?? "")}
        disabled={boundariesLoaded !== true || !indicators}
        aria-describedby={unavailable ? noteId : undefined}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{t("indicator.none")}</option>
        {(indicators ?? []).map((indicator) => (
          <option key={indicator.code} value={indicator.code}>
            {indicator.label}
          </option>
        ))}
      </select>
      {unavailable && (
        <p id={noteId} className="indicator-picker__note muted small" data-testid="boundaries-not-loaded">
          {t("indicator.notLoaded")}
        </p>
      )}
    </div>
  );
}
