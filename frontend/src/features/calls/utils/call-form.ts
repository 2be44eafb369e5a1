import type { CallCreate } from "@/features/calls/api/create-call";
import type { Call, FeedbackPolicy, TieBreak } from "@/features/calls/api/get-call";
import type { CallKind, CallStatus, PhaseKind } from "@/features/calls/api/get-calls";
import type { TargetMetric } from "@/features/calls/api/get-call-targets";
import { fromLocalInput, toLocalInput } from "@/features/calls/utils/datetime";
import { parseWeight } from "@/features/calls/utils/weights";

export const PHASE_KINDS = ["submission", "evaluation", "decision"] as const satisfies readonly PhaseKind[];
export const FIELD_TYPES = ["text", "long_text", "number", "choice", "boolean", "date", "url"] as const;
export const TEXT_FIELD_TYPES: readonly FieldType[] = ["text", "long_text", "url"];
export const TIE_BREAKS = [
  "higher_criterion",
  "more_partner_regions",
  "lower_requested_funding",
  "earlier_submission",
] as const satisfies readonly TieBreak[];
export const FEEDBACK_POLICIES = ["none", "scores", "scores_and_comments"] as const satisfies readonly FeedbackPolicy[];
export const TARGET_METRICS = [
  "proposals",
  "business_plans",
  "funding_identified",
  "pilots",
  "investment_projects",
] as const satisfies readonly TargetMetric[];
export const PRIORITY_CODES = [
  "circular_economy",
  "industry_4_0",
  "digital_technologies",
  "advanced_materials",
  "creativity",
] as const;
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export type FieldType = (typeof FIELD_TYPES)[number];
export type Priority = (typeof PRIORITY_CODES)[number];

export type PhaseDraft = { opens_at: string; closes_at: string };
export type FieldDraft = {
  uid: string;
  key: string;
  label: string;
  help_text: string;
  type: FieldType;
  required: boolean;
  private_to_evaluators: boolean;
  frozen_after: string;
  /** One option per line (choice fields only). */
  options: string;
  max_length: string;
};
export type CriterionDraft = {
  uid: string;
  key: string;
  title: string;
  description: string;
  weight: string;
  threshold: string;
};
export type TargetDraft = { uid: string; metric: TargetMetric; region_code: string; year: string; target: string };
export type TieBreakDraft = { rule: TieBreak; used: boolean };

/** The call form's state: every input as typed (strings), turned into the API's body by `toCallBody`. */
export type CallDraft = {
  code: string;
  title: string;
  kind: CallKind;
  year: string;
  description: string;
  status: CallStatus;
  phases: Record<PhaseKind, PhaseDraft>;
  eligible_priorities: Priority[];
  min_partner_regions: string;
  max_proposals_per_region: string;
  min_evaluators: string;
  exclude_own_region_evaluators: boolean;
  divergence_threshold: string;
  overall_threshold: string;
  selected_count: string;
  reserve_count: string;
  max_selected_per_region: string;
  tie_breaks: TieBreakDraft[];
  feedback_policy: FeedbackPolicy;
  fields: FieldDraft[];
  criteria: CriterionDraft[];
  targets: TargetDraft[];
};

let counter = 0;
/** A key for a new row of a list, stable while the row is edited and moved. */
export function newUid(): string {
  counter += 1;
  return `row-${counter}`;
}

/** The service's default rubric (call/service.py), shown in a new call's form so the admin can adapt it. */
const DEFAULT_RUBRIC: Omit<CriterionDraft, "uid">[] = [
  {
    key: "excellence",
    title: "Excellence & innovation",
    description: "How new the solution is for the textile & clothing value chain, and how sound.",
    weight: "30",
    threshold: "3",
  },
  {
    key: "impact",
    title: "Impact on the regions' value chains",
    description: "Jobs, investment, sustainability and competitiveness in the partner regions.",
    weight: "30",
    threshold: "3",
  },
  {
    key: "implementation",
    title: "Quality of implementation",
    description: "Work plan, budget, risks and the team's capacity to deliver.",
    weight: "20",
    threshold: "3",
  },
  {
    key: "partnership",
    title: "Interregional partnership",
    description: "Complementary partners from several regions, each with a clear role.",
    weight: "20",
    threshold: "3",
  },
];

const DEFAULT_TIE_BREAKS: TieBreak[] = ["higher_criterion", "more_partner_regions", "earlier_submission"];

function tieBreakDrafts(used: readonly TieBreak[]): TieBreakDraft[] {
  return [
    ...used.map((rule) => ({ rule, used: true })),
    ...TIE_BREAKS.filter((rule) => !used.includes(rule)).map((rule) => ({ rule, used: false })),
  ];
}

const emptyPhases = (): Record<PhaseKind, PhaseDraft> => ({
  submission: { opens_at: "", closes_at: "" },
  evaluation: { opens_at: "", closes_at: "" },
  decision: { opens_at: "", closes_at: "" },
});

export function emptyField(): FieldDraft {
  return {
    uid: newUid(),
    key: "",
    label: "",
    help_text: "",
    type: "text",
    required: false,
    private_to_evaluators: false,
    frozen_after: "",
    options: "",
    max_length: "",
  };
}

export function emptyCriterion(): CriterionDraft {
  return { uid: newUid(), key: "", title: "", description: "", weight: "", threshold: "0" };
}

export function emptyTarget(): TargetDraft {
  return { uid: newUid(), metric: "proposals", region_code: "", year: "", target: "" };
}

/** A new call: a dated draft with the service's defaults and its default rubric. */
export function newCallDraft(): CallDraft {
  return {
    code: "",
    title: "",
    kind: "dated",
    year: "",
    description: "",
    status: "draft",
    phases: emptyPhases(),
    eligible_priorities: [...PRIORITY_CODES],
    min_partner_regions: "2",
    max_proposals_per_region: "",
    min_evaluators: "3",
    exclude_own_region_evaluators: false,
    divergence_threshold: "2",
    overall_threshold: "3",
    selected_count: "0",
    reserve_count: "0",
    max_selected_per_region: "",
    tie_breaks: tieBreakDrafts(DEFAULT_TIE_BREAKS),
    feedback_policy: "scores_and_comments",
    fields: [],
    criteria: DEFAULT_RUBRIC.map((criterion) => ({ ...criterion, uid: newUid() })),
    targets: [],
  };
}

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** A decimal from the API ("3.00") as typed ("3"). */
function plainDecimal(value: string): string {
  return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
}

/** An existing call as the form shows it. */
export function callDraftOf(call: Call): CallDraft {
  const phases = emptyPhases();
  for (const phase of call.phases) {
    phases[phase.kind] = { opens_at: toLocalInput(phase.opens_at), closes_at: toLocalInput(phase.closes_at) };
  }
  return {
    code: call.code,
    title: call.title,
    kind: call.kind,
    year: text(call.year),
    description: call.description,
    status: call.status,
    phases,
    eligible_priorities: call.eligible_priorities.filter((code): code is Priority =>
      (PRIORITY_CODES as readonly string[]).includes(code),
    ),
    min_partner_regions: text(call.min_partner_regions),
    max_proposals_per_region: text(call.max_proposals_per_region),
    min_evaluators: text(call.min_evaluators),
    exclude_own_region_evaluators: call.exclude_own_region_evaluators,
    divergence_threshold: plainDecimal(call.divergence_threshold),
    overall_threshold: plainDecimal(call.overall_threshold),
    selected_count: text(call.selected_count),
    reserve_count: text(call.reserve_count),
    max_selected_per_region: text(call.max_selected_per_region),
    tie_breaks: tieBreakDrafts(call.tie_breaks),
    feedback_policy: call.feedback_policy,
    fields: call.fields.map((field) => ({
      uid: newUid(),
      key: field.key,
      label: field.label,
      help_text: field.help_text,
      type: field.type,
      required: field.required,
      private_to_evaluators: field.private_to_evaluators,
      frozen_after: toLocalInput(field.frozen_after),
      options: field.options.join("\n"),
      max_length: text(field.max_length),
    })),
    criteria: call.criteria.map((criterion) => ({
      uid: newUid(),
      key: criterion.key,
      title: criterion.title,
      description: criterion.description,
      weight: plainDecimal(criterion.weight),
      threshold: plainDecimal(criterion.threshold),
    })),
    targets: call.targets.map((target) => ({
      uid: newUid(),
      metric: target.metric,
      region_code: target.region_code ?? "",
      year: text(target.year),
      target: text(target.target),
    })),
  };
}

/** The statuses a call may be given from `current`: draft → published → archived (published may go back). */
export function statusChoices(current: CallStatus | null): CallStatus[] {
  if (current === null) return ["draft", "published"];
  if (current === "draft") return ["draft", "published"];
  if (current === "published") return ["published", "archived", "draft"];
  return ["archived"];
}

/** The phases given, in the order sent: the API's `phases.<i>` problems are mapped back to a kind with it. */
export function phasesSent(draft: CallDraft): PhaseKind[] {
  return PHASE_KINDS.filter((kind) => draft.phases[kind].opens_at.trim() || draft.phases[kind].closes_at.trim());
}

/** "phases.1.opens_at" → "phases.evaluation.opens_at", with the kinds in the order they were sent. */
export function phaseProblemsByKind(problems: Record<string, string>, sent: readonly PhaseKind[]): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [path, message] of Object.entries(problems)) {
    const match = /^phases\.(\d+)(\..*)?$/.exec(path);
    const kind = match ? sent[Number(match[1])] : undefined;
    const key = match && kind ? `phases.${kind}${match[2] ?? ""}` : path;
    mapped[key] ??= message;
  }
  return mapped;
}

const lines = (value: string) =>
  value
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

const integer = (value: string) => Number.parseInt(value.trim(), 10);
const optionalInteger = (value: string) => (value.trim() ? integer(value) : null);
const decimal = (value: string) => value.trim().replace(",", ".");

/** The API's body for the draft: every field (lists are replaced whole). `status` is not part of it. */
export function toCallBody(draft: CallDraft): CallCreate {
  return {
    code: draft.code.trim(),
    title: draft.title.trim(),
    description: draft.description.trim(),
    kind: draft.kind,
    year: draft.kind === "permanent" ? optionalInteger(draft.year) : null,
    eligible_priorities: draft.eligible_priorities,
    min_partner_regions: integer(draft.min_partner_regions),
    max_proposals_per_region: optionalInteger(draft.max_proposals_per_region),
    min_evaluators: integer(draft.min_evaluators),
    exclude_own_region_evaluators: draft.exclude_own_region_evaluators,
    divergence_threshold: decimal(draft.divergence_threshold),
    overall_threshold: decimal(draft.overall_threshold),
    selected_count: integer(draft.selected_count),
    reserve_count: integer(draft.reserve_count),
    max_selected_per_region: optionalInteger(draft.max_selected_per_region),
    tie_breaks: draft.tie_breaks.filter((item) => item.used).map((item) => item.rule),
    feedback_policy: draft.feedback_policy,
    phases: phasesSent(draft).map((kind) => ({
      kind,
      opens_at: fromLocalInput(draft.phases[kind].opens_at) ?? "",
      closes_at: fromLocalInput(draft.phases[kind].closes_at) ?? "",
    })),
    fields: draft.fields.map((field) => ({
      key: field.key.trim(),
      label: field.label.trim(),
      help_text: field.help_text.trim(),
      type: field.type,
      required: field.required,
      private_to_evaluators: field.private_to_evaluators,
      frozen_after: fromLocalInput(field.frozen_after),
      options: field.type === "choice" ? lines(field.options) : [],
      max_length: TEXT_FIELD_TYPES.includes(field.type) ? optionalInteger(field.max_length) : null,
    })),
    criteria: draft.criteria.map((criterion) => ({
      key: criterion.key.trim(),
      title: criterion.title.trim(),
      description: criterion.description.trim(),
      weight: decimal(criterion.weight),
      threshold: decimal(criterion.threshold || "0"),
    })),
    targets: draft.targets.map((target) => ({
      metric: target.metric,
      region_code: target.region_code || null,
      year: optionalInteger(target.year),
      target: integer(target.target),
    })),
  };
}

export type DraftMessages = {
  required: string;
  wholeNumber: string;
  codePattern: string;
  keyPattern: string;
  yearRange: string;
  yearForPermanent: string;
  score: string;
  weight: string;
  dateTime: string;
  closesAfterOpens: string;
  optionsNeeded: string;
  duplicateKey: string;
  submissionPhaseNeeded: string;
  criterionNeeded: string;
};

const isWhole = (value: string, min: number) => /^\d{1,6}$/.test(value.trim()) && integer(value) >= min;
const isScore = (value: string) => /^\d(\.\d{1,2})?$/.test(decimal(value)) && Number(decimal(value)) <= 5;

/**
 * What the form can tell before sending, keyed like the API's problems (phases by kind:
 * "phases.submission.closes_at"). The API checks again and has the last word.
 */
export function checkCallDraft(draft: CallDraft, messages: DraftMessages): Record<string, string> {
  const found: Record<string, string> = {};
  const put = (path: string, message: string) => {
    found[path] ??= message;
  };
  if (!draft.code.trim()) put("code", messages.required);
  else if (!CODE_PATTERN.test(draft.code.trim())) put("code", messages.codePattern);
  if (!draft.title.trim()) put("title", messages.required);
  if (draft.kind === "permanent") {
    if (!draft.year.trim()) put("year", messages.yearForPermanent);
    else if (!/^\d{4}$/.test(draft.year.trim()) || integer(draft.year) < 2000 || integer(draft.year) > 2100) {
      put("year", messages.yearRange);
    }
  }
  for (const kind of PHASE_KINDS) {
    const phase = draft.phases[kind];
    if (!phase.opens_at.trim() && !phase.closes_at.trim()) continue;
    const opens = fromLocalInput(phase.opens_at);
    const closes = fromLocalInput(phase.closes_at);
    if (!opens) put(`phases.${kind}.opens_at`, phase.opens_at.trim() ? messages.dateTime : messages.required);
    if (!closes) put(`phases.${kind}.closes_at`, phase.closes_at.trim() ? messages.dateTime : messages.required);
    if (opens && closes && closes <= opens) put(`phases.${kind}.closes_at`, messages.closesAfterOpens);
  }
  const wholes: ["min_partner_regions" | "min_evaluators" | "selected_count" | "reserve_count", number][] = [
    ["min_partner_regions", 1],
    ["min_evaluators", 1],
    ["selected_count", 0],
    ["reserve_count", 0],
  ];
  for (const [name, min] of wholes) {
    if (!isWhole(draft[name], min)) put(name, messages.wholeNumber);
  }
  for (const name of ["max_proposals_per_region", "max_selected_per_region"] as const) {
    if (draft[name].trim() && !isWhole(draft[name], 1)) put(name, messages.wholeNumber);
  }
  for (const name of ["divergence_threshold", "overall_threshold"] as const) {
    if (!isScore(draft[name])) put(name, messages.score);
  }
  const fieldKeys = new Set<string>();
  draft.fields.forEach((field, i) => {
    if (!KEY_PATTERN.test(field.key.trim())) put(`fields.${i}.key`, field.key.trim() ? messages.keyPattern : messages.required);
    else if (fieldKeys.has(field.key.trim())) put(`fields.${i}.key`, messages.duplicateKey);
    fieldKeys.add(field.key.trim());
    if (!field.label.trim()) put(`fields.${i}.label`, messages.required);
    if (field.type === "choice" && lines(field.options).length === 0) put(`fields.${i}.options`, messages.optionsNeeded);
    if (TEXT_FIELD_TYPES.includes(field.type) && field.max_length.trim() && !isWhole(field.max_length, 1)) {
      put(`fields.${i}.max_length`, messages.wholeNumber);
    }
    if (field.frozen_after.trim() && !fromLocalInput(field.frozen_after)) put(`fields.${i}.frozen_after`, messages.dateTime);
  });
  const criterionKeys = new Set<string>();
  draft.criteria.forEach((criterion, i) => {
    const key = criterion.key.trim();
    if (!KEY_PATTERN.test(key)) put(`criteria.${i}.key`, key ? messages.keyPattern : messages.required);
    else if (criterionKeys.has(key)) put(`criteria.${i}.key`, messages.duplicateKey);
    criterionKeys.add(key);
    if (!criterion.title.trim()) put(`criteria.${i}.title`, messages.required);
    if (parseWeight(criterion.weight) === null) put(`criteria.${i}.weight`, messages.weight);
    if (criterion.threshold.trim() && !isScore(criterion.threshold)) put(`criteria.${i}.threshold`, messages.score);
  });
  draft.targets.forEach((target, i) => {
    if (!isWhole(target.target, 0)) put(`targets.${i}.target`, messages.wholeNumber);
    if (target.year.trim() && !/^\d{4}$/.test(target.year.trim())) put(`targets.${i}.year`, messages.yearRange);
  });
  if (draft.status === "published") {
    if (!phasesSent(draft).includes("submission")) put("phases", messages.submissionPhaseNeeded);
    if (draft.criteria.length === 0) put("criteria", messages.criterionNeeded);
  }
  return found;
}

/** Moves the item at `index` one place up (-1) or down (+1); the list is unchanged at its ends. */
export function move<T>(items: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}
