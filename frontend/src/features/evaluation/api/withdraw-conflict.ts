import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

/** Takes a declaration back; assignments it withdrew stay withdrawn. */
export async function withdrawConflict(declarationId: string): Promise<void> {
  await unwrap(
    api.DELETE("/api/proposals/evaluators/me/conflicts/{declaration_id}", {
      params: { path: { declaration_id: declarationId } },
    }),
  );
}

export function useWithdrawConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawConflict,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["evaluation", "my-conflicts"] });
      void queryClient.invalidateQueries({ queryKey: ["evaluation", "proposals"] });
    },
  });
}
