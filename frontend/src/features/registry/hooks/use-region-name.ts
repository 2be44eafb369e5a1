import { useCallback } from "react";

import { useRegions } from "@/lib/regions";

/** "Toscana" for ITI1 once the regions are loaded; the code itself before that and outside the partnership. */
export function useRegionName(): (code: string) => string {
  const regions = useRegions();
  return useCallback(
    (code: string) => regions.data?.find((region) => region.code === code)?.name ?? code,
    [regions.data],
  );
}
