import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { meQueryKey, type Me } from "@/features/auth/api/get-me";
import { api, unwrap } from "@/lib/api-client";

export type MeUpdate = components["schemas"]["MeUpdate"];

/** Saves the user's preferences (today: the interface language), so they follow the user. */
export function updateMe(body: MeUpdate): Promise<Me> {
  return unwrap(api.PATCH("/api/me", { body }));
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
