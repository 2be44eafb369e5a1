import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

/** Removes one of a region's S3 priorities. */
export async function deleteS3Priority({ code, id }: { code: string; id: string }): Promise<void> {
  await unwrap(
    api.DELETE("/api/intelligence/regions/{code}/s3-priorities/{priority_id}", {
      params: { path: { code, priority_id: id } },
    }),
  );
}

export function useDeleteS3Priority(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteS3Priority({ code, id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["partnership"] }),
  });
}
