import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";
import { ApiProblem } from "@/lib/problem";

export type Me = components["schemas"]["MeOut"];
export type Membership = Me["memberships"][number];
export type Role = Membership["role"];

export const meQueryKey = ["auth", "me"] as const;

export function isMeQueryKey(key: readonly unknown[]): boolean {
  return key[0] === meQueryKey[0] && key[1] === meQueryKey[1];
}

/** The signed-in user, or null when there is no session (after the one refresh attempt). */
export async function getMe(): Promise<Me | null> {
  try {
    return await unwrap(api.GET("/api/me"));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}
