import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/evaluators/me/conflicts"]["get"];
export type ConflictDeclaration = Operation["responses"][200]["content"]["application/json"][number];

/** The conflicts of interest the signed-in evaluator declared, oldest first. */
export function getMyConflicts(): Promise<ConflictDeclaration[]> {
  return unwrap(api.GET("/api/proposals/evaluators/me/conflicts"));
}

export const myConflictsQueryKey = ["evaluation", "my-conflicts"] as const;

export const myConflictsQueryOptions = () =>
  queryOptions({ queryKey: myConflictsQueryKey, queryFn: getMyConflicts, staleTime: 30_000 });

export function useMyConflicts({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...myConflictsQueryOptions(), enabled });
}
