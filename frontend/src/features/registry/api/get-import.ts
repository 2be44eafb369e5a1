import { queryOptions, useQuery } from "@tanstack/react-query";

import type { ImportReport } from "@/features/registry/api/import-organisations";
import { api, unwrap } from "@/lib/api-client";

/** A past import with its per-row report. */
export function getImport(id: string): Promise<ImportReport> {
  return unwrap(api.GET("/api/intelligence/imports/{run_id}", { params: { path: { run_id: id } } }));
}

export const importQueryOptions = (id: string) =>
  queryOptions({ queryKey: ["registry", "imports", id], queryFn: () => getImport(id), staleTime: Infinity });

export function useImport(id: string | null) {
  return useQuery({ ...importQueryOptions(id ?? ""), enabled: Boolean(id) });
}
