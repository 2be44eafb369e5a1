import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import type { S3Priority } from "@/features/partnership/api/get-region";
import { api, unwrap } from "@/lib/api-client";

export type S3PriorityPatch = components["schemas"]["S3PriorityPatch"];

type UpdateS3Priority = { code: string; id: string; body: S3PriorityPatch };

/** Changes the fields sent of one of a region's S3 priorities. */
export function updateS3Priority({ code, id, body }: UpdateS3Priority): Promise<S3Priority> {
  return unwrap(
    api.PATCH("/api/intelligence/regions/{code}/s3-priorities/{priority_id}", {
      params: { path: { code, priority_id: id } },
      body,
    }),
  );
}

export function useUpdateS3Priority(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: S3PriorityPatch }) => updateS3Priority({ code, id, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["partnership"] }),
  });
}
