import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { unreadCountQueryKey } from "@/features/notifications/api/get-unread-count";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/me/notifications/read"]["post"];
export type MarkReadAnswer = Operation["responses"][200]["content"]["application/json"];

/** Which notifications to mark read: some by id, or every one still unread. */
export type MarkRead = { ids: string[] } | { all: true };

/** Marks notifications read (repeating it changes nothing); answers how many are still unread. */
export function markNotificationsRead(which: MarkRead): Promise<MarkReadAnswer> {
  const body = "all" in which ? { all: true } : { ids: which.ids, all: false };
  return unwrap(api.POST("/api/proposals/me/notifications/read", { body }));
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: (answer) => {
      queryClient.setQueryData(unreadCountQueryKey, answer.unread);
      void queryClient.invalidateQueries({ queryKey: ["notifications", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["notifications", "latest"] });
    },
  });
}
