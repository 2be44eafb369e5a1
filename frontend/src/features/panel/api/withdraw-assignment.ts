import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

/** Withdraws an assignment whose review is not submitted yet, with the reason for the record. */
export async function withdrawAssignment(assignmentId: string, reason: string): Promise<void> {
  await unwrap(
    api.DELETE("/api/proposals/assignments/{assignment_id}", {
      params: { path: { assignment_id: assignmentId }, query: reason ? { reason } : {} },
    }),
  );
}

export function useWithdrawAssignment(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, reason }: { assignmentId: string; reason: string }) =>
      withdrawAssignment(assignmentId, reason),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["panel", "assignments", callId] });
      void queryClient.invalidateQueries({ queryKey: ["panel", "evaluators"] });
    },
  });
}
