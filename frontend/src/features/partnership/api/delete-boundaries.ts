import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

/** Removes every stored boundary (the consortium admin only); the maps go back to points. */
export async function deleteBoundaries(): Promise<void> {
  await unwrap(api.DELETE("/api/intelligence/regions/boundaries"));
}

export function useDeleteBoundaries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBoundaries,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["partnership", "boundaries"] }),
  });
}
