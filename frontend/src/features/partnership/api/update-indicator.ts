import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import type { Indicator } from "@/features/partnership/api/get-region";
import { api, unwrap } from "@/lib/api-client";

export type IndicatorPatch = components["schemas"]["IndicatorPatch"];

type UpdateIndicator = { code: string; id: string; body: IndicatorPatch };

/** Changes the fields sent of one of a region's indicator values. */
export function updateIndicator({ code, id, body }: UpdateIndicator): Promise<Indicator> {
  return unwrap(
    api.PATCH("/api/intelligence/regions/{code}/indicators/{indicator_id}", {
      params: { path: { code, indicator_id: id } },
      body,
    }),
  );
}

export function useUpdateIndicator(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: IndicatorPatch }) => updateIndicator({ code, id, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["partnership"] }),
  });
}
