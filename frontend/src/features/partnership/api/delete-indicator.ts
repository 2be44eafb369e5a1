import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

/** Removes one of a region's indicator values. */
export async function deleteIndicator({ code, id }: { code: string; id: string }): Promise<void> {
  await unwrap(
    api.DELETE("/api/intelligence/regions/{code}/indicators/{indicator_id}", {
      params: { path: { code, indicator_id: id } },
    }),
  );
}

export function useDeleteIndicator(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteIndicator({ code, id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["partnership"] }),
  });
}
