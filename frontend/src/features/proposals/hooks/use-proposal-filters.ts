import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import {
  filtersFromParams,
  toggleListValue,
  withoutFilters,
  withValue,
  type ProposalFilters,
} from "@/features/proposals/utils/list-filters";

export type ProposalFilterActions = {
  toggle: (name: "stage" | "region", value: string) => void;
  set: (name: "call" | "priority" | "q" | "mine" | "view", value: string | boolean | null) => void;
  clear: () => void;
};

/** The proposals list's filters in the address: each change is a history entry, so Back undoes it. */
export function useProposalFilters(): [ProposalFilters, ProposalFilterActions] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(searchParams), [searchParams]);

  const toggle = useCallback(
    (name: "stage" | "region", value: string) =>
      setSearchParams((current) => toggleListValue(current, name, value), { preventScrollReset: true }),
    [setSearchParams],
  );
  const set = useCallback(
    (name: "call" | "priority" | "q" | "mine" | "view", value: string | boolean | null) =>
      setSearchParams((current) => withValue(current, name, value), { preventScrollReset: true }),
    [setSearchParams],
  );
  const clear = useCallback(
    () => setSearchParams((current) => withoutFilters(current), { preventScrollReset: true }),
    [setSearchParams],
  );

  return [filters, { toggle, set, clear }];
}
