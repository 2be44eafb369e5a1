import { useCallback } from "react";

import { useRegistryRegions } from "@/features/registry/api/get-regions";

/** "Toscana" for ITI1 once the regions are loaded; the code itself before that and outside the partnership. */
export function useRegionName(): (code: string) => string {
  const regions = useRegistryRegions();
  return useCallback(
    (code: string) => regions.data?.find((region) => region.code === code)?.name ?? code,
    [regions.data],
  );
}
