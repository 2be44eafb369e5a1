import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { etagOf, organisationQueryKey, type OrganisationWithEtag } from "@/features/registry/api/get-organisation";
import { api, unwrap } from "@/lib/api-client";

export type OrganisationPatch = components["schemas"]["OrganisationPatch"];

type UpdateInput = { id: string; etag: string; patch: OrganisationPatch };

/** Changes the fields sent; refused with a 412 problem when the record changed since `etag` was read. */
export async function updateOrganisation({ id, etag, patch }: UpdateInput): Promise<OrganisationWithEtag> {
  const result = await api.PATCH("/api/intelligence/organisations/{organisation_id}", {
    params: { path: { organisation_id: id }, header: { "If-Match": etag } },
    body: patch,
  });
  const organisation = await unwrap(Promise.resolve(result));
  return { organisation, etag: etagOf(result.response, organisation) };
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganisation,
    onSuccess: (saved) => {
      queryClient.setQueryData(organisationQueryKey(saved.organisation.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["registry", "search"] });
    },
  });
}
