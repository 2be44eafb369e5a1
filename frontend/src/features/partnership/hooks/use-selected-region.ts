import { useCallback } from "react";
import { useSearchParams } from "react-router";

const PARAM = "region";

/** The region whose details are open, kept in the address (?region=ITI1) so it can be shared. */
export function useSelectedRegion(): [string | null, (code: string | null) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = searchParams.get(PARAM);

  const select = useCallback(
    (code: string | null) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (code) next.set(PARAM, code);
          else next.delete(PARAM);
          return next;
        },
        { replace: true, preventScrollReset: true },
      );
    },
    [setSearchParams],
  );

  return [selected, select];
}
