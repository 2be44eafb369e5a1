import { vi } from "vitest";

import {
  CLUSTER_PROFILE,
  ME,
  mapPointsResult,
  OPPORTUNITY_IDS,
  opportunityDetail,
  PRIORITIES,
  PRIORITY_OVERLAP,
  REGIONS,
  regionDetail,
  SAVED_SEARCHES,
  SCORECARD,
  searchResult,
} from "@/testing/data";
import {
  IMPORT_RUNS,
  importReport,
  organisationSearchResult,
  REGISTRY_CLUSTERS,
  REGISTRY_DUPLICATES,
  REGISTRY_IDS,
  REGISTRY_MATCHING,
  REGISTRY_ORGANISATIONS,
} from "@/testing/data";

export type RecordedCall = {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
};

export type FakeApiState = {
  /** The access cookie is missing or expired: every API call but login/refresh/logout answers 401. */
  accessExpired: boolean;
  /** The refresh cookie still works. */
  refreshValid: boolean;
  me: typeof ME;
};

type Handler = (call: RecordedCall, state: FakeApiState) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export function problem(status: number, title: string, detail?: string, extra: Record<string, unknown> = {}): Response {
  return new Response(
    JSON.stringify({ type: `urn:tex4im:problem:${status}`, title, status, detail, request_id: "req-test", ...extra }),
    { status, headers: { "Content-Type": "application/problem+json" } },
  );
}

/** The same response with extra headers, e.g. withHeaders(json(cluster), { ETag: '"3"' }). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const unauthorized = () => problem(401, "Authentication required", "Sign in to continue.");

function setCsrfCookie(value: string) {
  document.cookie = `tex4im_csrf=${value}; path=/`;
}

const defaultHandlers: Record<string, Handler> = {
  "POST /api/auth/login": (_call, state) => {
    state.accessExpired = false;
    state.refreshValid = true;
    setCsrfCookie("csrf-after-login");
    return json(state.me);
  },
  "POST /api/auth/refresh": (_call, state) => {
    if (!state.refreshValid) return unauthorized();
    state.accessExpired = false;
    setCsrfCookie("csrf-after-refresh");
    return json(state.me);
  },
  "POST /api/auth/logout": (_call, state) => {
    state.accessExpired = true;
    state.refreshValid = false;
    return new Response(null, { status: 204 });
  },
  "GET /api/me": (_call, state) => json(state.me),
  "PATCH /api/me": (call, state) => {
    state.me = { ...state.me, ...(call.body as Partial<typeof ME>) };
    return json(state.me);
  },
  "GET /api/intelligence/regions": () => json({ items: REGIONS, next_cursor: null }),
  "GET /api/intelligence/priorities": () => json(PRIORITIES),
  // the opportunity map
  "GET /api/intelligence/search/opportunities": (call) => json(searchResult(new URLSearchParams(call.search))),
  "GET /api/intelligence/map/points": (call) => json(mapPointsResult(new URLSearchParams(call.search))),
  "GET /api/intelligence/regions/boundaries": () => json({ type: "FeatureCollection", features: [] }),
  "GET /api/intelligence/indicators": () => json([]),
  "GET /api/intelligence/saved-searches": () => json({ items: SAVED_SEARCHES, next_cursor: null }),
  "POST /api/intelligence/saved-searches": (call) =>
    json({ ...SAVED_SEARCHES[0], ...(call.body as object), id: "5e5e5e5e-0000-4000-8000-0000000000ff", new_count: 0 }, 201),
  ...Object.fromEntries(
    Object.values(OPPORTUNITY_IDS).map((id): [string, Handler] => [
      `GET /api/intelligence/opportunities/${id}`,
      () => json(opportunityDetail(id)),
    ]),
  ),
  // regions compared and the ECCP cluster profile (features/partnership)
  "GET /api/intelligence/regions/scorecard": () => json(SCORECARD),
  "GET /api/intelligence/regions/priority-overlap": () => json(PRIORITY_OVERLAP),
  [`GET /api/intelligence/clusters/${CLUSTER_PROFILE.id}`]: () =>
    withHeaders(json(CLUSTER_PROFILE), { ETag: `"${CLUSTER_PROFILE.version}"` }),
  [`GET /api/intelligence/clusters/${CLUSTER_PROFILE.id}/members`]: () => json({ items: [], next_cursor: null }),
  // the organisation registry
  "GET /api/intelligence/search/organisations": (call) =>
    json(organisationSearchResult(new URLSearchParams(call.search))),
  ...Object.fromEntries(
    REGISTRY_ORGANISATIONS.flatMap((record): [string, Handler][] => [
      [
        `GET /api/intelligence/organisations/${record.id}`,
        () => withHeaders(json(record), { ETag: `"${record.version}"` }),
      ],
      [
        `GET /api/intelligence/organisations/${record.id}/matching-opportunities`,
        () =>
          json(
            record.id === REGISTRY_IDS.lanificio
              ? REGISTRY_MATCHING
              : { organisation: { id: record.id, name: record.name }, items: [], candidates: 0 },
          ),
      ],
    ]),
  ),
  "GET /api/intelligence/organisation-duplicates": () => json({ items: REGISTRY_DUPLICATES, next_cursor: null }),
  [`POST /api/intelligence/organisation-duplicates/${REGISTRY_IDS.duplicate}/merge`]: (call) => {
    const duplicate = REGISTRY_DUPLICATES[0]!;
    const keep = (call.body as { keep: "first" | "second" }).keep;
    const survivor = REGISTRY_ORGANISATIONS.find((record) => record.id === duplicate[keep].id);
    return json({ duplicate: { ...duplicate, status: "merged", resolved_by: "test" }, survivor });
  },
  [`POST /api/intelligence/organisation-duplicates/${REGISTRY_IDS.duplicate}/dismiss`]: () =>
    json({ ...REGISTRY_DUPLICATES[0], status: "dismissed", resolved_by: "test" }),
  "POST /api/intelligence/organisations/import": (call) =>
    json(importReport(new URLSearchParams(call.search).get("dry_run") === "true")),
  "GET /api/intelligence/imports": () => json(IMPORT_RUNS),
  "GET /api/intelligence/clusters": () => json({ items: REGISTRY_CLUSTERS, next_cursor: null }),
  [`GET /api/intelligence/imports/${REGISTRY_IDS.importRun}`]: () => json(importReport(false)),
};

const PUBLIC_PATHS = new Set(["/api/auth/login", "/api/auth/refresh", "/api/auth/logout"]);

/**
 * A fake of the gateway at the fetch boundary: answers contract-shaped JSON, keeps a session state
 * (access expired? refresh valid?) and records every call.
 */
export function createFakeApi(initial: Partial<FakeApiState> = {}) {
  const state: FakeApiState = { accessExpired: false, refreshValid: true, me: ME, ...initial };
  const handlers = new Map<string, Handler>(Object.entries(defaultHandlers));
  const calls: RecordedCall[] = [];
  if (!state.accessExpired) setCsrfCookie("csrf-initial");

  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    // a file upload is not read: Node's Request cannot stream jsdom's File (the read never ends)
    const multipart = request.headers.get("Content-Type")?.startsWith("multipart/form-data") ?? false;
    const text = multipart ? "" : await request.text();
    const call: RecordedCall = {
      method: request.method,
      path: url.pathname,
      search: url.search,
      headers: request.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    calls.push(call);

    if (state.accessExpired && !PUBLIC_PATHS.has(call.path)) return unauthorized();
    const handler = handlers.get(`${call.method} ${call.path}`);
    if (handler) return handler(call, state);

    const detail = /^\/api\/intelligence\/regions\/([^/]+)$/.exec(call.path);
    if (call.method === "GET" && detail) {
      const region = regionDetail(decodeURIComponent(detail[1] ?? ""));
      return region ? json(region) : problem(404, "Region not found", "There is no region with this code.");
    }
    return problem(404, "Not found", `The fake API has no route for ${call.method} ${call.path}.`);
  });

  return {
    fetch,
    state,
    calls,
    /** Replaces the answer to one route, e.g. on("POST /api/auth/login", () => problem(401, ...)). */
    on(route: string, handler: Handler) {
      handlers.set(route, handler);
    },
    callsTo(method: string, path: string) {
      return calls.filter((call) => call.method === method && call.path === path);
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
