import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type AttachmentsOperation = paths["/api/proposals/proposals/{proposal_id}/attachments"]["get"];
export type Attachment = AttachmentsOperation["responses"][200]["content"]["application/json"]["items"][number];

const PAGE_SIZE = 200; // a proposal holds at most 30 files

/** The files of the proposal's working copy, oldest first. */
export async function getAttachments(proposalId: string): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/proposals/proposals/{proposal_id}/attachments", {
        params: { path: { proposal_id: proposalId }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      }),
    );
    attachments.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return attachments;
}

/** The address the browser downloads a file from (the API's `content_url` is relative to the service). */
export function downloadUrl(attachment: Attachment): string {
  return `/api/proposals${attachment.content_url}`;
}

export const attachmentsQueryKey = (proposalId: string) => ["proposals", "attachments", proposalId] as const;

export const attachmentsQueryOptions = (proposalId: string) =>
  queryOptions({ queryKey: attachmentsQueryKey(proposalId), queryFn: () => getAttachments(proposalId) });

export function useAttachments(proposalId: string) {
  return useQuery(attachmentsQueryOptions(proposalId));
}
