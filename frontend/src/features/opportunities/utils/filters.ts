/**
 * The opportunity map's state as it lives in the address: filters, layers, indicator and selection.
 * Parameter names follow the API's (`q`, `priority`, `kind`, `region`, `layers`), so a shared link reads
 * like the search it runs. Unknown values are dropped rather than sent to the API.
 */

/** The partnership's five thematic priorities, in its order. */
export const PRIORITY_CODES = [
  "circular_economy",
  "industry_4_0",
  "digital_technologies",
  "advanced_materials",
  "creativity",
] as const;
export type PriorityCode = (typeof PRIORITY_CODES)[number];

export const OPPORTUNITY_KINDS = [
  "business_cooperation",
  "technology_offer",
  "technology_request",
  "rnd",
  "funding_call",
  "tender",
  "investment",
  "event",
] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

export const MAP_LAYERS = ["opportunities", "organisations"] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];
export const DEFAULT_LAYERS: readonly MapLayer[] = ["opportunities"];

const REGION_CODE = /^[A-Z]{2}[A-Z0-9]{2}$/;
const INDICATOR_CODE = /^[a-z][a-z0-9_]{1,59}$/;
const MAX_QUERY_LENGTH = 200;

/** What the search and the map points are filtered by. */
export type OpportunityFilters = {
  q: string;
  priorities: PriorityCode[];
  kinds: OpportunityKind[];
  regions: string[];
};

export type MapState = OpportunityFilters & {
  layers: MapLayer[];
  /** The indicator coloured on the region boundaries (choropleth), if any. */
  indicator: string | null;
  /** The opportunity (or organisation) selected on the map and in the list. */
  selected: string | null;
};

export const EMPTY_FILTERS: OpportunityFilters = { q: "", priorities: [], kinds: [], regions: [] };

function isOneOf<T extends string>(values: readonly T[]) {
  return (value: string): value is T => (values as readonly string[]).includes(value);
}

/** Keeps the known values once each, in the vocabulary's order (so equal filters give equal addresses). */
function known<T extends string>(raw: string[], vocabulary: readonly T[]): T[] {
  const wanted = new Set(raw.flatMap((value) => value.split(",")).map((value) => value.trim()));
  return vocabulary.filter((value) => wanted.has(value));
}

function regionCodes(raw: string[]): string[] {
  const codes = raw.flatMap((value) => value.split(",")).map((value) => value.trim().toUpperCase());
  return [...new Set(codes.filter((code) => REGION_CODE.test(code)))].sort();
}

export function parseMapState(params: URLSearchParams): MapState {
  const layersParam = params.get("layers");
  const indicator = params.get("indicator");
  const selected = params.get("selected");
  return {
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    priorities: known(params.getAll("priority"), PRIORITY_CODES),
    kinds: known(params.getAll("kind"), OPPORTUNITY_KINDS),
    regions: regionCodes(params.getAll("region")),
    // an empty `layers=` means every layer switched off; no parameter means the default
    layers: layersParam === null ? [...DEFAULT_LAYERS] : known([layersParam], MAP_LAYERS),
    indicator: indicator && INDICATOR_CODE.test(indicator) ? indicator : null,
    selected: selected?.trim() ? selected.trim() : null,
  };
}

function sameLayers(layers: readonly MapLayer[], other: readonly MapLayer[]): boolean {
  return layers.length === other.length && layers.every((layer) => other.includes(layer));
}

/** The address for a state: defaults left out, values in a stable order. */
export function mapStateToParams(state: MapState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set("q", q);
  for (const priority of known(state.priorities, PRIORITY_CODES)) params.append("priority", priority);
  for (const kind of known(state.kinds, OPPORTUNITY_KINDS)) params.append("kind", kind);
  for (const region of regionCodes(state.regions)) params.append("region", region);
  const layers = known(state.layers, MAP_LAYERS);
  if (!sameLayers(layers, DEFAULT_LAYERS)) params.set("layers", layers.join(","));
  if (state.indicator) params.set("indicator", state.indicator);
  if (state.selected) params.set("selected", state.selected);
  return params;
}

export function filtersOf(state: OpportunityFilters): OpportunityFilters {
  return { q: state.q, priorities: state.priorities, kinds: state.kinds, regions: state.regions };
}

export function hasFilters(filters: OpportunityFilters): boolean {
  return Boolean(filters.q.trim()) || filters.priorities.length + filters.kinds.length + filters.regions.length > 0;
}

/** The filters as the API's query parameters (empty ones left out). */
export type FilterQuery = { q?: string; priority?: PriorityCode[]; kind?: OpportunityKind[]; region?: string[] };

export function filtersToQuery(filters: OpportunityFilters): FilterQuery {
  const query: FilterQuery = {};
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.priorities.length) query.priority = [...filters.priorities];
  if (filters.kinds.length) query.kind = [...filters.kinds];
  if (filters.regions.length) query.region = [...filters.regions];
  return query;
}

function stringList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The filters of a saved search's criteria (its keys are the API's query parameters). */
export function filtersFromCriteria(criteria: Record<string, unknown>): OpportunityFilters {
  return {
    q: typeof criteria.q === "string" ? criteria.q.trim().slice(0, MAX_QUERY_LENGTH) : "",
    priorities: known(stringList(criteria.priority), PRIORITY_CODES),
    kinds: known(stringList(criteria.kind), OPPORTUNITY_KINDS),
    regions: regionCodes(stringList(criteria.region)),
  };
}

/** The map's address for some filters (default layers, nothing selected). */
export function mapPathFor(filters: OpportunityFilters): string {
  const params = mapStateToParams({ ...filters, layers: [...DEFAULT_LAYERS], indicator: null, selected: null });
  const search = params.toString();
  return search ? `/map?${search}` : "/map";
}

/** Adds the value to the list, or takes it out if it is there. */
export function toggle<T extends string>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((candidate) => candidate !== value) : [...values, value];
}

export const isPriorityCode = isOneOf(PRIORITY_CODES);
export const isOpportunityKind = isOneOf(OPPORTUNITY_KINDS);
