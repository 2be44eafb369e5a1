import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { mapStateToParams, parseMapState, type MapState } from "@/features/opportunities/utils/filters";

/**
 * The map's filters, layers, indicator and selection, kept in the address so a view can be shared and
 * the back button undoes a filter. Filter changes add a history entry; selecting a point replaces it.
 */
export function useMapState() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseMapState(searchParams), [searchParams]);

  const update = useCallback(
    (change: Partial<MapState>, { replace = false }: { replace?: boolean } = {}) => {
      setSearchParams((current) => mapStateToParams({ ...parseMapState(current), ...change }), {
        replace,
        preventScrollReset: true,
      });
    },
    [setSearchParams],
  );

  const select = useCallback((id: string | null) => update({ selected: id }, { replace: true }), [update]);

  return { state, update, select };
}
