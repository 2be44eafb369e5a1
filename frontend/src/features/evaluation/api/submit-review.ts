import { useMutation, useQueryClient } from "@tanstack/react-query";

import {
  assignmentQueryKey,
  reviewEtag,
  type Review,
  type VersionedAssignment,
} from "@/features/evaluation/api/get-assignment";
import { api, unwrap } from "@/lib/api-client";

/**
 * Sends the review for good. `idempotencyKey` names this one submission: a retry with it gets the first answer.
 * Refused with a 422 listing the criteria not scored and the low scores without a comment.
 */
export async function submitReview(id: string, idempotencyKey: string): Promise<{ review: Review; etag: string }> {
  const call = api.POST("/api/proposals/assignments/{assignment_id}/submit", {
    params: { path: { assignment_id: id }, header: { "Idempotency-Key": idempotencyKey } },
  });
  const review = await unwrap(call);
  const { response } = await call;
  return { review, etag: reviewEtag(response, review.version) };
}

export function useSubmitReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => submitReview(id, idempotencyKey),
    onSuccess: ({ review, etag }) => {
      queryClient.setQueryData<VersionedAssignment>(assignmentQueryKey(id), (current) =>
        current ? { assignment: { ...current.assignment, review }, etag } : current,
      );
      void queryClient.invalidateQueries({ queryKey: ["evaluation", "my-assignments"] });
    },
  });
}
