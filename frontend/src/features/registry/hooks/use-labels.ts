import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { useRegionName } from "@/features/registry/hooks/use-region-name";
import { isNamedNaceDivision, naceDivision } from "@/features/registry/utils/nace";
import type { FacetName } from "@/features/registry/utils/search-params";
import { isValueChainStep } from "@/features/registry/utils/value-chain";
import { isOneOf, ORGANISATION_KINDS, PRIORITY_CODES, SIZE_CLASSES } from "@/features/registry/utils/vocabulary";
import { countryName } from "@/lib/intl";

/** Words for the registry's codes in the current language; an unknown code is shown as it is. */
export function useLabels() {
  const { t, i18n } = useTranslation("registry");
  const language = i18n.resolvedLanguage ?? "en";
  const regionName = useRegionName();

  const kind = useCallback(
    (code: string) => (isOneOf(ORGANISATION_KINDS, code) ? t(`kinds.${code}`) : code),
    [t],
  );
  const size = useCallback((code: string) => (isOneOf(SIZE_CLASSES, code) ? t(`sizes.${code}`) : code), [t]);
  const priority = useCallback(
    (code: string) => (isOneOf(PRIORITY_CODES, code) ? t(`priorities.${code}`) : code),
    [t],
  );
  const step = useCallback((code: string) => (isValueChainStep(code) ? t(`valueChain.${code}`) : code), [t]);
  /** The division's name ("Manufacture of textiles") or null when the list does not name it. */
  const naceName = useCallback(
    (code: string) => {
      const division = naceDivision(code);
      return isNamedNaceDivision(division) ? t(`nace.${division}`) : null;
    },
    [t],
  );
  const nace = useCallback(
    (code: string) => {
      const name = naceName(code);
      return name ? `${code} · ${name}` : code;
    },
    [naceName],
  );
  const country = useCallback((code: string) => countryName(code, language), [language]);

  const facetValue = useCallback(
    (facet: FacetName, value: string): string => {
      switch (facet) {
        case "region":
          return regionName(value);
        case "country":
          return country(value);
        case "kind":
          return kind(value);
        case "priority":
          return priority(value);
        case "nace":
          return nace(value);
        case "size_class":
          return size(value);
      }
    },
    [country, kind, nace, priority, regionName, size],
  );

  return useMemo(
    () => ({ language, kind, size, priority, step, nace, naceName, country, region: regionName, facetValue }),
    [language, kind, size, priority, step, nace, naceName, country, regionName, facetValue],
  );
}

export type Labels = ReturnType<typeof useLabels>;
