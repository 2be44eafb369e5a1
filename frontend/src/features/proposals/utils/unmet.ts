/**
 * Where to fix what a step's guard still lacks: the API names the missing thing in each problem's `field`
 * ("title", "answers.market", "partners", "call.submission_phase", "screening", "decision").
 */
import { isAnswerField, STANDARD_FIELDS, type FieldName } from "@/features/proposals/utils/proposal-form";

export type ProposalTab = "overview" | "partners" | "attachments" | "versions" | "timeline";
export const PROPOSAL_TABS: readonly ProposalTab[] = ["overview", "partners", "attachments", "versions", "timeline"];

export type UnmetTarget = { tab: ProposalTab; field?: FieldName } | null;

export function isProposalTab(value: unknown): value is ProposalTab {
  return (PROPOSAL_TABS as readonly unknown[]).includes(value);
}

export function unmetTarget(field: string): UnmetTarget {
  const name = field.replace(/^body\./, "");
  if ((STANDARD_FIELDS as readonly string[]).includes(name) || isAnswerField(name)) {
    return { tab: "overview", field: name as FieldName };
  }
  if (name === "partners" || name.startsWith("partners.")) return { tab: "partners" };
  if (name === "attachments" || name.startsWith("attachments.")) return { tab: "attachments" };
  return null;
}
