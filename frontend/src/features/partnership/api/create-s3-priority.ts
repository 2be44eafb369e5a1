import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import type { S3Priority } from "@/features/partnership/api/get-region";
import { api, unwrap } from "@/lib/api-client";

export type S3PriorityInput = components["schemas"]["S3PriorityIn"];

/** Adds an S3 priority to a region (its cluster managers and the consortium admin). */
export function createS3Priority({ code, body }: { code: string; body: S3PriorityInput }): Promise<S3Priority> {
  return unwrap(api.POST("/api/intelligence/regions/{code}/s3-priorities", { params: { path: { code } }, body }));
}

export function useCreateS3Priority(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: S3PriorityInput) => createS3Priority({ code, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["partnership"] }),
  });
}
