/**
 * The organisation search lives in the address (`?q=lana&region=ITI1&region=PT11&kind=company`), so a search
 * can be shared, bookmarked and walked back with the browser's history.
 */

/** Filters with counted facets in the search answer, in the order the sidebar shows them. */
export const FACETS = ["region", "country", "kind", "priority", "nace", "size_class"] as const;
export type FacetName = (typeof FACETS)[number];

/** Filters the address may carry without a facet (a link from a profile's value chain or cluster). */
const EXTRA_FILTERS = ["value_chain", "cluster_id"] as const;
type ExtraFilter = (typeof EXTRA_FILTERS)[number];

export type SearchFilters = { q: string } & Record<FacetName | ExtraFilter, string[]>;

const LIST_FILTERS = [...FACETS, ...EXTRA_FILTERS] as const;

function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const filters = { q: (params.get("q") ?? "").trim() } as SearchFilters;
  for (const name of LIST_FILTERS) filters[name] = unique(params.getAll(name));
  return filters;
}

/** The address with `value` added to or removed from a facet; other parameters keep their place. */
export function toggleFacetValue(params: URLSearchParams, facet: FacetName, value: string): URLSearchParams {
  const selected = params.getAll(facet).includes(value);
  const next = new URLSearchParams(
    [...params].filter(([name, current]) => !(name === facet && (current === value || !current.trim()))),
  );
  if (!selected) next.append(facet, value);
  return next;
}

/** The address with a new search text (empty removes it). */
export function withSearchText(params: URLSearchParams, q: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (q.trim()) next.set("q", q.trim());
  else next.delete("q");
  return next;
}

/** The address without any filter (the search text stays). */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of LIST_FILTERS) next.delete(name);
  return next;
}

export function hasFilters(filters: SearchFilters): boolean {
  return LIST_FILTERS.some((name) => filters[name].length > 0);
}

export type SearchQuery = { q?: string } & Partial<Record<FacetName | ExtraFilter, string[]>>;

/** The API query for the filters: empty filters are left out, values sorted so equal searches share a cache. */
export function searchQuery(filters: SearchFilters): SearchQuery {
  const query: SearchQuery = {};
  if (filters.q) query.q = filters.q;
  for (const name of LIST_FILTERS) {
    if (filters[name].length) query[name] = [...filters[name]].sort();
  }
  return query;
}
