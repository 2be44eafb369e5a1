import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { opportunityQueryKey } from "@/features/opportunities/api/get-opportunity";
import { api, unwrap } from "@/lib/api-client";

export type InterestedPerson = components["schemas"]["InterestedPersonOut"];

const PAGE_SIZE = 200;

/** Everyone interested in the opportunity (its regions' managers and the admin only; 403 for others). */
export async function getOpportunityInterests(id: string): Promise<InterestedPerson[]> {
  const people: InterestedPerson[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/intelligence/opportunities/{opportunity_id}/interests", {
        params: {
          path: { opportunity_id: id },
          query: cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE },
        },
      }),
    );
    people.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return people;
}

export const opportunityInterestsQueryOptions = (id: string) =>
  queryOptions({
    // under the opportunity's key: expressing or withdrawing interest refreshes the list too
    queryKey: [...opportunityQueryKey(id), "interests"],
    queryFn: () => getOpportunityInterests(id),
    staleTime: 30_000,
  });

export function useOpportunityInterests(id: string, enabled: boolean) {
  return useQuery({ ...opportunityInterestsQueryOptions(id), enabled });
}
