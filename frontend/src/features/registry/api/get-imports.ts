import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type ImportsOperation = paths["/api/intelligence/imports"]["get"];
export type ImportRunPage = ImportsOperation["responses"][200]["content"]["application/json"];
export type ImportRunSummary = ImportRunPage["items"][number];

/** The latest imports the caller may see, newest first. */
export function getImports(): Promise<ImportRunPage> {
  return unwrap(api.GET("/api/intelligence/imports", { params: { query: { limit: 20 } } }));
}

export const importsQueryOptions = () =>
  queryOptions({ queryKey: ["registry", "imports"], queryFn: getImports, staleTime: 0 });

export function useImports() {
  return useQuery(importsQueryOptions());
}
