import createClient from "openapi-fetch";

import type { paths } from "@/api/schema";
import { CSRF_HEADER, readCsrfToken } from "@/lib/csrf";
import { networkProblem, toApiProblem } from "@/lib/problem";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const LOGIN_PATH = "/api/auth/login";
const REFRESH_PATH = "/api/auth/refresh";

type SessionExpiredListener = () => void;
const sessionExpiredListeners = new Set<SessionExpiredListener>();

/** Called when a request got a 401 and the session could not be refreshed. Returns an unsubscribe. */
export function onSessionExpired(listener: SessionExpiredListener): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

function withSessionHeaders(request: Request): Request {
  const headers = new Headers(request.headers);
  if (!headers.has("Accept")) headers.set("Accept", "application/json, application/problem+json");
  if (UNSAFE_METHODS.has(request.method) && new URL(request.url).pathname !== LOGIN_PATH) {
    // read at send time: a refresh rotates the cookie
    const token = readCsrfToken();
    if (token) headers.set(CSRF_HEADER, token);
  }
  return new Request(request, { headers, credentials: "same-origin" });
}

let refreshInFlight: Promise<boolean> | null = null;

/** Rotates the session cookies; concurrent callers share one request (single flight). */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= fetch(withSessionHeaders(new Request(apiUrl(REFRESH_PATH), { method: "POST" })))
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

/**
 * fetch for the API: same-origin cookies, the CSRF header on unsafe methods, and on a 401 one refresh
 * and one retry. When the refresh fails too, the session-expired listeners run.
 */
export async function sessionFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const retry = request.clone();
  const response = await fetch(withSessionHeaders(request));
  if (response.status !== 401 || path === LOGIN_PATH || path === REFRESH_PATH) return response;
  if (await refreshSession()) return fetch(withSessionHeaders(retry));
  for (const listener of sessionExpiredListeners) listener();
  return response;
}

export function apiUrl(path: string): string {
  return new URL(path, window.location.origin).href;
}

/** The typed client; paths come from the gateway's merged OpenAPI (src/api/schema.d.ts). */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  fetch: sessionFetch,
  credentials: "same-origin",
});

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Resolves to the data of a successful call, or rejects with an ApiProblem (the UI shows its detail). */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw networkProblem();
  }
  if (!result.response.ok) throw toApiProblem(result.error, result.response);
  return result.data as T;
}
