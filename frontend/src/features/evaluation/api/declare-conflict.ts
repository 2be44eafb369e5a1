import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import type { ConflictDeclaration } from "@/features/evaluation/api/get-my-conflicts";
import { api, unwrap } from "@/lib/api-client";

export type ConflictDeclarationInput = components["schemas"]["ConflictDeclarationIn"];

/** Declares a conflict with one proposal or one organisation; the API takes the evaluator off what it concerns. */
export function declareConflict(body: ConflictDeclarationInput): Promise<ConflictDeclaration> {
  return unwrap(
    api.POST("/api/proposals/evaluators/me/conflicts", {
      params: { header: { "Idempotency-Key": crypto.randomUUID() } },
      body,
    }),
  );
}

export function useDeclareConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declareConflict,
    onSuccess: () => {
      // the declaration may have withdrawn assignments; every list of the workspace changes
      void queryClient.invalidateQueries({ queryKey: ["evaluation"] });
    },
  });
}
