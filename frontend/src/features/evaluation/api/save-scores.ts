import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import {
  assignmentQueryKey,
  reviewEtag,
  type Review,
  type VersionedAssignment,
} from "@/features/evaluation/api/get-assignment";
import { api, unwrap } from "@/lib/api-client";

export type ScoresInput = components["schemas"]["ScoresIn"];

type SaveScores = { id: string; etag: string; body: ScoresInput };

/** Replaces the draft review if it did not change since `etag` was read (else a 412 problem). */
export async function saveScores({ id, etag, body }: SaveScores): Promise<{ review: Review; etag: string }> {
  const call = api.PUT("/api/proposals/assignments/{assignment_id}/scores", {
    params: { path: { assignment_id: id }, header: { "If-Match": etag } },
    body,
  });
  const review = await unwrap(call);
  const { response } = await call;
  return { review, etag: reviewEtag(response, review.version) };
}

export function useSaveScores(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: ScoresInput }) => saveScores({ id, etag, body }),
    onSuccess: ({ review, etag }) => {
      queryClient.setQueryData<VersionedAssignment>(assignmentQueryKey(id), (current) =>
        current ? { assignment: { ...current.assignment, review }, etag } : current,
      );
      void queryClient.invalidateQueries({ queryKey: ["evaluation", "my-assignments"] });
    },
  });
}
