import { vi } from "vitest";

import { ME, PRIORITIES, REGIONS, regionDetail } from "@/testing/data";

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
    const text = await request.text();
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
