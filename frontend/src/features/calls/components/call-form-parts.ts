import type { CallDraft } from "@/features/calls/utils/call-form";

/** What every section of the call form gets: the draft, the problems by path, and a way to change the draft. */
export type SectionProps = {
  draft: CallDraft;
  problems: Record<string, string>;
  onChange: (update: (draft: CallDraft) => CallDraft) => void;
  /** A list's rows moved or went: the API's problems (by position) no longer point at the right rows. */
  onRowsMoved: () => void;
};

/** The list with its `index`-th item changed. */
export function replaceAt<T>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
