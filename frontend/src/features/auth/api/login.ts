import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { isMeQueryKey, meQueryKey, type Me } from "@/features/auth/api/get-me";
import { api, unwrap } from "@/lib/api-client";

export type LoginInput = components["schemas"]["LoginIn"];

/** Starts a session: the gateway sets the access, refresh and CSRF cookies. */
export function login(body: LoginInput): Promise<Me> {
  return unwrap(api.POST("/api/auth/login", { body }));
}

export function useLogin({ onSuccess }: { onSuccess?: (me: Me) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // nothing cached under the previous session may leak into this one
      queryClient.removeQueries({ predicate: (query) => !isMeQueryKey(query.queryKey) });
      queryClient.setQueryData(meQueryKey, me);
      onSuccess?.(me);
    },
  });
}
