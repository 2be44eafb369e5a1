/**
 * The proposal editor's values: one flat record keyed by field name ("title", "budget_eur", "answers.market"),
 * as the inputs hold them (amounts as typed text, booleans as true / false / null for "not answered").
 * Everything compares by canonical value, so reformatting an amount is not a change, and only the fields a
 * person changed are sent (PATCH merges answers key by key).
 */
import type { CallField } from "@/features/proposals/api/get-call";
import type { Proposal } from "@/features/proposals/api/get-proposal";
import type { ProposalPatch } from "@/features/proposals/api/update-proposal";
import { formatEuroInput, notGreater, parseEuroInput } from "@/features/proposals/utils/euros";

export const STANDARD_FIELDS = [
  "title",
  "acronym",
  "summary",
  "priorities",
  "value_chain",
  "trl",
  "budget_eur",
  "requested_eur",
] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];
export type FieldName = StandardField | `answers.${string}`;
export type FieldValue = string | string[] | boolean | null;
export type FormValues = Record<string, FieldValue>;

/** A problem with one field, as a message key of the `proposals` namespace and its values. */
export type FieldProblem = { key: string; values?: Record<string, string | number> };

export const LIMITS = { title: 300, acronym: 30, summary: 20_000 } as const;
const DEFAULT_MAX_LENGTH: Partial<Record<CallField["type"], number>> = { text: 1_000, long_text: 20_000, url: 2_000 };
const URL_PATTERN = /^https?:\/\/\S+$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function answerField(key: string): FieldName {
  return `answers.${key}`;
}

export function isAnswerField(name: string): name is `answers.${string}` {
  return name.startsWith("answers.");
}

function text(value: FieldValue): string {
  return typeof value === "string" ? value : "";
}

function list(value: FieldValue): string[] {
  return Array.isArray(value) ? value : [];
}

/** What the inputs show for a proposal (answers the caller may not read are blank). */
export function formValues(proposal: Proposal, fields: readonly CallField[], language: string): FormValues {
  const values: FormValues = {
    title: proposal.title,
    acronym: proposal.acronym ?? "",
    summary: proposal.summary,
    priorities: [...proposal.priorities],
    value_chain: [...proposal.value_chain],
    trl: proposal.trl === null ? "" : String(proposal.trl),
    budget_eur: formatEuroInput(proposal.budget_eur, language),
    requested_eur: formatEuroInput(proposal.requested_eur, language),
  };
  for (const field of fields) {
    const answer = proposal.answers[field.key];
    let value: FieldValue;
    if (field.type === "boolean") value = typeof answer === "boolean" ? answer : null;
    else if (field.type === "number") value = typeof answer === "number" ? String(answer) : "";
    else value = typeof answer === "string" ? answer : "";
    values[answerField(field.key)] = value;
  }
  return values;
}

function fieldOf(name: string, fields: readonly CallField[]): CallField | undefined {
  return isAnswerField(name) ? fields.find((field) => answerField(field.key) === name) : undefined;
}

/** The value the API would store for one input (invalid text is kept as such, so it still counts as changed). */
function canonical(name: string, value: FieldValue, fields: readonly CallField[], language: string): unknown {
  if (name === "priorities" || name === "value_chain") return [...list(value)].sort();
  if (name === "trl") return text(value) ? Number(text(value)) : null;
  if (name === "budget_eur" || name === "requested_eur") {
    const parsed = parseEuroInput(text(value), language);
    return parsed.ok ? parsed.value : `invalid:${text(value)}`;
  }
  const field = fieldOf(name, fields);
  if (field?.type === "boolean") return typeof value === "boolean" ? value : null;
  if (field?.type === "number") {
    const typed = text(value).trim();
    return typed === "" ? null : Number.isFinite(Number(typed)) ? Number(typed) : `invalid:${typed}`;
  }
  const trimmed = text(value).trim();
  return field && trimmed === "" ? null : trimmed;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose value differs between two sets of values, in the form's order. */
export function changedFields(
  before: FormValues,
  after: FormValues,
  fields: readonly CallField[],
  language: string,
): FieldName[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.filter(
    (name) => !same(canonical(name, before[name] ?? null, fields, language), canonical(name, after[name] ?? null, fields, language)),
  ) as FieldName[];
}

/** Whether an answer can no longer change: its call field froze at `frozen_after`. */
export function isFrozen(field: CallField, now: Date = new Date()): boolean {
  return field.frozen_after !== null && now.getTime() >= new Date(field.frozen_after).getTime();
}

/** Problems the API would report for the values, by field, checked before sending. */
export function validate(
  values: FormValues,
  fields: readonly CallField[],
  language: string,
): Partial<Record<FieldName, FieldProblem>> {
  const problems: Partial<Record<FieldName, FieldProblem>> = {};
  const title = text(values.title ?? null).trim();
  if (!title) problems.title = { key: "editor.problems.required" };
  else if (title.length > LIMITS.title) problems.title = { key: "editor.problems.tooLong", values: { max: LIMITS.title } };
  if (text(values.acronym ?? null).trim().length > LIMITS.acronym) {
    problems.acronym = { key: "editor.problems.tooLong", values: { max: LIMITS.acronym } };
  }
  if (text(values.summary ?? null).trim().length > LIMITS.summary) {
    problems.summary = { key: "editor.problems.tooLong", values: { max: LIMITS.summary } };
  }
  const amounts: Partial<Record<"budget_eur" | "requested_eur", string | null>> = {};
  for (const name of ["budget_eur", "requested_eur"] as const) {
    const parsed = parseEuroInput(text(values[name] ?? null), language);
    if (parsed.ok) amounts[name] = parsed.value;
    else problems[name] = { key: `editor.problems.euros_${parsed.reason}` };
  }
  if (amounts.budget_eur && amounts.requested_eur && !notGreater(amounts.requested_eur, amounts.budget_eur)) {
    problems.requested_eur = { key: "editor.problems.overBudget" };
  }
  for (const field of fields) {
    const name = answerField(field.key);
    const problem = answerProblem(field, values[name] ?? null);
    if (problem) problems[name] = problem;
  }
  return problems;
}

function answerProblem(field: CallField, value: FieldValue): FieldProblem | null {
  if (field.type === "boolean") return null;
  const typed = text(value).trim();
  if (!typed) return null;
  if (field.type === "number") return Number.isFinite(Number(typed)) ? null : { key: "editor.problems.number" };
  if (field.type === "date") {
    const valid = DATE_PATTERN.test(typed) && !Number.isNaN(new Date(`${typed}T00:00:00Z`).getTime());
    return valid ? null : { key: "editor.problems.date" };
  }
  if (field.type === "choice") return field.options.includes(typed) ? null : { key: "editor.problems.choice" };
  const max = field.max_length ?? DEFAULT_MAX_LENGTH[field.type];
  if (max !== undefined && typed.length > max) return { key: "editor.problems.tooLong", values: { max } };
  if (field.type === "url" && !URL_PATTERN.test(typed)) return { key: "editor.problems.url" };
  return null;
}

/** The PATCH body for the fields changed from `base` to `values` (values assumed valid). */
export function patchOf(
  base: FormValues,
  values: FormValues,
  fields: readonly CallField[],
  language: string,
): ProposalPatch {
  const patch: ProposalPatch = {};
  const answers: Record<string, unknown> = {};
  for (const name of changedFields(base, values, fields, language)) {
    const value = values[name] ?? null;
    const stored = canonical(name, value, fields, language);
    switch (name) {
      case "title":
      case "summary":
        patch[name] = text(value).trim();
        break;
      case "acronym":
        patch.acronym = text(value).trim() || null;
        break;
      case "priorities":
        patch.priorities = list(value) as NonNullable<ProposalPatch["priorities"]>;
        break;
      case "value_chain":
        patch.value_chain = list(value) as NonNullable<ProposalPatch["value_chain"]>;
        break;
      case "trl":
        patch.trl = stored as number | null;
        break;
      case "budget_eur":
      case "requested_eur":
        patch[name] = stored as string | null;
        break;
      default:
        if (isAnswerField(name)) answers[name.slice("answers.".length)] = stored;
    }
  }
  if (Object.keys(answers).length) patch.answers = answers;
  return patch;
}

/**
 * Someone else saved first: the latest values, with this person's own changes (from `base` to `values`) on top.
 * `conflicts` are the fields both changed, differently: the person's value wins here, and they should look again.
 */
export function rebase(
  base: FormValues,
  latest: FormValues,
  values: FormValues,
  fields: readonly CallField[],
  language: string,
): { values: FormValues; theirs: FieldName[]; conflicts: FieldName[] } {
  const mine = changedFields(base, values, fields, language);
  const theirs = changedFields(base, latest, fields, language);
  const merged: FormValues = { ...latest };
  for (const name of mine) merged[name] = values[name] ?? null;
  const differs = (name: FieldName) =>
    !same(canonical(name, values[name] ?? null, fields, language), canonical(name, latest[name] ?? null, fields, language));
  return { values: merged, theirs, conflicts: mine.filter((name) => theirs.includes(name) && differs(name)) };
}

/** The field a problem of the API names ("body.answers.market" → "answers.market", "body.title" → "title"). */
export function fieldOfProblem(apiField: string): string {
  return apiField.replace(/^body\./, "");
}
