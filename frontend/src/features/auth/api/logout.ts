import { useMutation, useQueryClient } from "@tanstack/react-query";

import { meQueryKey } from "@/features/auth/api/get-me";
import { api, unwrap } from "@/lib/api-client";

/** Ends the session; the gateway clears the cookies. */
export async function logout(): Promise<void> {
  await unwrap(api.POST("/api/auth/logout"));
}

export function useLogout({ onSettled }: { onSettled?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // signed out locally even if the call failed: the user asked to leave
    onSettled: () => {
      queryClient.setQueryData(meQueryKey, null);
      onSettled?.();
    },
  });
}
