import { afterEach, describe, expect, it, vi } from "vitest";

import { api, onSessionExpired, unwrap } from "@/lib/api-client";
import { ApiProblem } from "@/lib/problem";
import { createFakeApi, problem } from "@/testing/fake-api";

function useFakeApi(...args: Parameters<typeof createFakeApi>) {
  const fake = createFakeApi(...args);
  vi.stubGlobal("fetch", fake.fetch);
  return fake;
}

describe("the API client's session handling", () => {
  const unsubscribers: (() => void)[] = [];
  afterEach(() => unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe()));

  it("refreshes once on a 401 and retries the request", async () => {
    const fake = useFakeApi({ accessExpired: true, refreshValid: true });

    const page = await unwrap(api.GET("/api/intelligence/regions", { params: { query: { limit: 10 } } }));

    expect(page.items).toHaveLength(8);
    expect(fake.callsTo("POST", "/api/auth/refresh")).toHaveLength(1);
    const regionCalls = fake.callsTo("GET", "/api/intelligence/regions");
    expect(regionCalls).toHaveLength(2);
    expect(regionCalls[1]?.search).toBe("?limit=10");
  });

  it("shares one refresh between concurrent requests (single flight)", async () => {
    const fake = useFakeApi({ accessExpired: true, refreshValid: true });

    const [regions, priorities, me] = await Promise.all([
      unwrap(api.GET("/api/intelligence/regions")),
      unwrap(api.GET("/api/intelligence/priorities")),
      unwrap(api.GET("/api/me")),
    ]);

    expect(regions.items).toHaveLength(8);
    expect(priorities).toHaveLength(5);
    expect(me.email).toBe("manager.iti1@demo.tex4im.eu");
    expect(fake.callsTo("POST", "/api/auth/refresh")).toHaveLength(1);
  });

  it("retries an unsafe request with its body and the rotated CSRF token", async () => {
    const fake = useFakeApi({ accessExpired: false });
    fake.state.accessExpired = true;

    const me = await unwrap(api.PATCH("/api/me", { body: { locale: "it" } }));

    expect(me.locale).toBe("it");
    const patches = fake.callsTo("PATCH", "/api/me");
    expect(patches).toHaveLength(2);
    expect(patches[0]?.headers.get("X-CSRF-Token")).toBe("csrf-initial");
    expect(patches[1]?.headers.get("X-CSRF-Token")).toBe("csrf-after-refresh");
    expect(patches[1]?.body).toEqual({ locale: "it" });
    const [refresh] = fake.callsTo("POST", "/api/auth/refresh");
    expect(refresh?.headers.get("X-CSRF-Token")).toBe("csrf-initial");
  });

  it("reports an expired session when the refresh fails, without retrying", async () => {
    const fake = useFakeApi({ accessExpired: true, refreshValid: false });
    const expired = vi.fn();
    unsubscribers.push(onSessionExpired(expired));

    const error = await unwrap(api.GET("/api/intelligence/priorities")).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).status).toBe(401);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(fake.callsTo("GET", "/api/intelligence/priorities")).toHaveLength(1);
  });

  it("does not refresh after a failed login", async () => {
    const fake = useFakeApi({ accessExpired: true, refreshValid: true });
    fake.on("POST /api/auth/login", () => problem(401, "Authentication required", "The email or password is not correct."));

    const error = await unwrap(api.POST("/api/auth/login", { body: { email: "a@b.eu", password: "x" } })).catch(
      (caught: unknown) => caught,
    );

    expect((error as ApiProblem).detail).toBe("The email or password is not correct.");
    expect(fake.callsTo("POST", "/api/auth/refresh")).toHaveLength(0);
    expect(fake.callsTo("POST", "/api/auth/login")[0]?.headers.has("X-CSRF-Token")).toBe(false);
  });

  it("sends cookies same-origin and turns an unreachable gateway into a network problem", async () => {
    const fetchMock = vi.fn((request: Request) => {
      expect(request.credentials).toBe("same-origin");
      return Promise.reject(new TypeError("Failed to fetch"));
    });
    vi.stubGlobal("fetch", fetchMock);

    const error = await unwrap(api.GET("/api/intelligence/priorities")).catch((caught: unknown) => caught);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((error as ApiProblem).status).toBe(0);
  });
});
