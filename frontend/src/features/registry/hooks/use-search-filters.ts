import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import {
  filtersFromParams,
  toggleFacetValue,
  withoutFilters,
  withSearchText,
  type FacetName,
  type SearchFilters,
} from "@/features/registry/utils/search-params";

type SearchFilterActions = {
  toggle: (facet: FacetName, value: string) => void;
  setText: (q: string) => void;
  clear: () => void;
};

/** The organisation search in the address: each change is a history entry, so Back undoes it. */
export function useSearchFilters(): [SearchFilters, SearchFilterActions] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(searchParams), [searchParams]);

  const toggle = useCallback(
    (facet: FacetName, value: string) =>
      setSearchParams((current) => toggleFacetValue(current, facet, value), { preventScrollReset: true }),
    [setSearchParams],
  );
  const setText = useCallback(
    (q: string) => setSearchParams((current) => withSearchText(current, q), { preventScrollReset: true }),
    [setSearchParams],
  );
  const clear = useCallback(
    () => setSearchParams((current) => withoutFilters(current), { preventScrollReset: true }),
    [setSearchParams],
  );

  return [filters, { toggle, setText, clear }];
}
