/**
 * The proposals list lives in the address (`?call=<id>&stage=draft&stage=submitted&region=ITI1&priority=…&q=…
 * &mine=1&view=board`), so a view can be shared, bookmarked and walked back with the browser's history.
 * Values the API would refuse (a malformed region code, an unknown priority) are dropped here, not sent.
 */
import { isOneOf, PRIORITY_CODES, type PriorityCode } from "@/features/proposals/utils/vocabulary";

export type ProposalView = "list" | "board";

export type ProposalFilters = {
  call: string | null;
  stage: string[];
  region: string[];
  priority: PriorityCode | null;
  q: string;
  mine: boolean;
  view: ProposalView;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STAGE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const REGION_CODE = /^[A-Z]{2}[A-Z0-9]{2}$/;
const FILTER_NAMES = ["call", "stage", "region", "priority", "q", "mine"] as const;

function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

export function filtersFromParams(params: URLSearchParams): ProposalFilters {
  const call = params.get("call")?.trim() ?? "";
  const priority = params.get("priority");
  return {
    call: UUID.test(call) ? call.toLowerCase() : null,
    stage: unique(params.getAll("stage")).filter((key) => STAGE_KEY.test(key)),
    region: unique(params.getAll("region").map((code) => code.toUpperCase())).filter((code) => REGION_CODE.test(code)),
    priority: isOneOf(PRIORITY_CODES, priority) ? priority : null,
    q: (params.get("q") ?? "").trim().slice(0, 100),
    mine: params.get("mine") === "1" || params.get("mine") === "true",
    view: params.get("view") === "board" ? "board" : "list",
  };
}

/** The address with one multi-value filter's value added or removed; other parameters keep their place. */
export function toggleListValue(params: URLSearchParams, name: "stage" | "region", value: string): URLSearchParams {
  const selected = params.getAll(name).includes(value);
  const next = new URLSearchParams([...params].filter(([key, current]) => !(key === name && current === value)));
  if (!selected) next.append(name, value);
  return next;
}

/** The address with a single-value filter set (an empty value or `false` removes it). */
export function withValue(
  params: URLSearchParams,
  name: "call" | "priority" | "q" | "mine" | "view",
  value: string | boolean | null,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const text = typeof value === "boolean" ? (value ? "1" : "") : (value ?? "").trim();
  if (name === "view" && text === "list") next.delete("view");
  else if (text) next.set(name, text);
  else next.delete(name);
  // another call has other stages: a stage filter chosen for the previous one would hide everything
  if (name === "call" && params.get("call") !== next.get("call")) next.delete("stage");
  return next;
}

/** The address without any filter; the view (list or board) stays. */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of FILTER_NAMES) next.delete(name);
  return next;
}

export function hasFilters(filters: ProposalFilters): boolean {
  return Boolean(
    filters.call || filters.stage.length || filters.region.length || filters.priority || filters.q || filters.mine,
  );
}

export type ProposalQuery = {
  call_id?: string;
  stage?: string[];
  region?: string[];
  priority?: PriorityCode;
  q?: string;
  mine?: boolean;
};

/** The API query of the filters: empty ones left out, lists sorted so equal views share a cache entry. */
export function proposalQuery(filters: ProposalFilters): ProposalQuery {
  const query: ProposalQuery = {};
  if (filters.call) query.call_id = filters.call;
  if (filters.stage.length) query.stage = [...filters.stage].sort();
  if (filters.region.length) query.region = [...filters.region].sort();
  if (filters.priority) query.priority = filters.priority;
  if (filters.q) query.q = filters.q;
  if (filters.mine) query.mine = true;
  return query;
}
