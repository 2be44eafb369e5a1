import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import type { Indicator } from "@/features/partnership/api/get-region";
import { api, unwrap } from "@/lib/api-client";

export type IndicatorInput = components["schemas"]["IndicatorIn"];

/** Adds an indicator value to a region (its cluster managers and the consortium admin). */
export function createIndicator({ code, body }: { code: string; body: IndicatorInput }): Promise<Indicator> {
  return unwrap(api.POST("/api/intelligence/regions/{code}/indicators", { params: { path: { code } }, body }));
}

export function useCreateIndicator(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorInput) => createIndicator({ code, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["partnership"] }),
  });
}
