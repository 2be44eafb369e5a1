import { useMutation, useQueryClient } from "@tanstack/react-query";

import { savedSearchesQueryKey } from "@/features/opportunities/api/get-saved-searches";
import { filtersToQuery, type OpportunityFilters } from "@/features/opportunities/utils/filters";
import { api, unwrap } from "@/lib/api-client";

/** Saves the filters under a name, to come back to and to see what is new since. */
export function createSavedSearch({ name, filters }: { name: string; filters: OpportunityFilters }) {
  return unwrap(
    api.POST("/api/intelligence/saved-searches", {
      body: { name: name.trim(), target: "opportunities", criteria: filtersToQuery(filters) },
    }),
  );
}

export function useCreateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSavedSearch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedSearchesQueryKey }),
  });
}
