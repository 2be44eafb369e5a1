import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** The partnership's five thematic priorities, in its order (the API refuses any other code). */
export const PRIORITY_CODES = [
  "circular_economy",
  "industry_4_0",
  "digital_technologies",
  "advanced_materials",
  "creativity",
] as const;

/** A thematic priority's name in the interface language; an unknown code is shown as it is. */
export function usePriorityName(): (code: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (code: string) =>
      t(`partnership.priorities.names.${code}` as "partnership.priorities.names.creativity", { defaultValue: code }),
    [t],
  );
}

/** Demo records are marked as such in their source or title (the demo data set says so). */
export function isDemoText(...texts: (string | null | undefined)[]): boolean {
  return texts.some((text) => text !== null && text !== undefined && /\bdemo\b/i.test(text));
}
