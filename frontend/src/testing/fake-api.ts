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
  assignmentDetail,
  EVALUATION_IDS,
  EVALUATION_ORGANISATIONS,
  EVALUATION_PROPOSALS,
  evaluationReview,
  EVALUATOR_POOL,
  EVALUATOR_PROFILE,
  MAIL_LOG,
  MY_ASSIGNMENTS,
  MY_CONFLICTS,
  NOTIFICATIONS,
  proposalFeedback,
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
import {
  PROPOSAL_ATTACHMENTS,
  PROPOSAL_CALL,
  PROPOSAL_COMPARISON,
  PROPOSAL_IDS,
  PROPOSAL_ORGANISATIONS,
  PROPOSAL_PIPELINE,
  PROPOSAL_TIMELINE,
  PROPOSAL_TRANSITIONS,
  PROPOSAL_VERSIONS,
  proposalDetail,
  proposalPage,
  proposalStageCounts,
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
  // the evaluator workspace, feedback and notifications (features/evaluation, features/notifications)
  ...evaluationHandlers(),
  // calls, screening and the panel (features/calls, features/panel)
  ...callsAndPanelHandlers(),
  // proposals: list, board, one proposal and its tabs (features/proposals)
  ...proposalHandlers(),
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

/** The proposals service's evaluation and notification endpoints, answering the fixtures of data.ts (stateless). */
function evaluationHandlers(): Record<string, Handler> {
  const base = "/api/proposals";
  const page = <T>(items: T[]) => json({ items, next_cursor: null });
  const ifMatchVersion = (call: RecordedCall) => Number((call.headers.get("If-Match") ?? '"0"').replace(/\D/g, "")) || 0;
  const handlers: Record<string, Handler> = {
    [`GET ${base}/me/notifications/unread-count`]: () =>
      json({ unread: NOTIFICATIONS.filter((notification) => !notification.read).length }),
    [`GET ${base}/me/notifications`]: (call) => {
      const query = new URLSearchParams(call.search);
      const unreadOnly = query.get("unread_only") === "true";
      const limit = Number(query.get("limit") ?? 50);
      return page(NOTIFICATIONS.filter((notification) => !unreadOnly || !notification.read).slice(0, limit));
    },
    [`POST ${base}/me/notifications/read`]: (call) => {
      const body = call.body as { ids?: string[]; all?: boolean };
      const unread = NOTIFICATIONS.filter((notification) => !notification.read);
      const marked = body.all ? unread.length : unread.filter((n) => body.ids?.includes(n.id)).length;
      return json({ marked, unread: unread.length - marked });
    },
    [`GET ${base}/mail-log`]: () => page(MAIL_LOG),
    [`GET ${base}/me/assignments`]: () => page(MY_ASSIGNMENTS),
    [`GET ${base}/evaluators/me`]: () => json(EVALUATOR_PROFILE),
    [`PUT ${base}/evaluators/me`]: (call) => {
      const body = call.body as { name?: string; organisation_id?: string | null; region_code?: string | null };
      const organisation = EVALUATION_ORGANISATIONS.find((candidate) => candidate.id === body.organisation_id);
      return json({
        ...EVALUATOR_PROFILE,
        ...(call.body as object),
        name: body.name ?? EVALUATOR_PROFILE.name,
        organisation: organisation
          ? { id: organisation.id, name: organisation.name, region_code: organisation.region_code }
          : null,
        region_code: body.region_code ?? organisation?.region_code ?? null,
      });
    },
    [`GET ${base}/evaluators/me/conflicts`]: () => json(MY_CONFLICTS),
    [`POST ${base}/evaluators/me/conflicts`]: (call) => {
      const body = call.body as { proposal_id?: string; organisation_id?: string; reason: string };
      const proposal = EVALUATION_PROPOSALS.find((candidate) => candidate.id === body.proposal_id);
      const organisation = EVALUATION_ORGANISATIONS.find((candidate) => candidate.id === body.organisation_id);
      return json(
        {
          id: "dcdcdcdc-0000-4000-8000-0000000000ff",
          proposal: proposal
            ? { id: proposal.id, reference: proposal.reference, title: proposal.title, region_code: "ITI1" }
            : null,
          organisation: organisation
            ? { id: organisation.id, name: organisation.name, region_code: organisation.region_code }
            : null,
          reason: body.reason,
          declared_at: "2026-11-25T10:00:00Z",
          withdrawn_from: proposal?.id === EVALUATION_IDS.proposalOpen ? [proposal.reference] : [],
        },
        201,
      );
    },
    [`DELETE ${base}/evaluators/me/conflicts/${EVALUATION_IDS.declaration}`]: () => new Response(null, { status: 204 }),
    [`GET ${base}/evaluation/proposals`]: (call) => {
      const callId = new URLSearchParams(call.search).get("call_id");
      return page(EVALUATION_PROPOSALS.filter((proposal) => !callId || proposal.call_id === callId));
    },
    [`GET ${base}/calls`]: () =>
      page([
        {
          id: EVALUATION_IDS.call,
          code: "TEX4IM-2027-1",
          title: "TEX4IM 2027: circular textile investments",
          kind: "dated",
          year: null,
          status: "published",
          phases: [],
          submission_open: false,
          eligible_priorities: [],
        },
      ]),
    [`GET ${base}/evaluators`]: (call) => {
      const active = new URLSearchParams(call.search).get("active");
      return page(EVALUATOR_POOL.filter((evaluator) => active === null || String(evaluator.active) === active));
    },
    [`GET ${base}/organisations`]: (call) => {
      const q = (new URLSearchParams(call.search).get("q") ?? "").toLowerCase();
      return page(EVALUATION_ORGANISATIONS.filter((organisation) => organisation.name.toLowerCase().includes(q)));
    },
    [`GET ${base}/proposals/${EVALUATION_IDS.proposalOpen}/feedback`]: () => json(proposalFeedback("scores_and_comments")),
  };
  for (const evaluator of EVALUATOR_POOL) {
    handlers[`PATCH ${base}/evaluators/${evaluator.id}`] = (call) => json({ ...evaluator, ...(call.body as object) });
  }
  for (const id of [EVALUATION_IDS.assignmentOpen, EVALUATION_IDS.assignmentSubmitted]) {
    const detail = assignmentDetail(id)!;
    handlers[`GET ${base}/assignments/${id}`] = () =>
      withHeaders(json(detail), { ETag: `"${detail.review.version}"` });
    handlers[`PUT ${base}/assignments/${id}/scores`] = (call) => {
      const body = call.body as { scores: { criterion: string; value: number; comment: string }[]; comment: string };
      const review = evaluationReview(body.scores, {
        comment: body.comment,
        version: ifMatchVersion(call) + 1,
        assignmentId: id,
      });
      return withHeaders(json(review), { ETag: `"${review.version}"` });
    };
    handlers[`POST ${base}/assignments/${id}/submit`] = () => {
      const review = { ...detail.review, status: "submitted" as const, submitted_at: "2026-11-25T10:00:00Z" };
      return withHeaders(json(review), { ETag: `"${review.version + 1}"` });
    };
  }
  return handlers;
}

/** The proposals service's proposal endpoints (features/proposals), answering the fixtures of data.ts (stateless). */
function proposalHandlers(): Record<string, Handler> {
  const base = "/api/proposals";
  const draft = `${base}/proposals/${PROPOSAL_IDS.draft}`;
  const submitted = `${base}/proposals/${PROPOSAL_IDS.submitted}`;
  const page = <T>(items: T[]) => json({ items, next_cursor: null });
  const versioned = (detail: ReturnType<typeof proposalDetail>, status = 200) =>
    withHeaders(json(detail, status), { ETag: `"${detail.version}"` });
  const submittedDetail = () =>
    proposalDetail({
      id: PROPOSAL_IDS.submitted,
      reference: "TEX4IM-2027-PT11-001",
      title: "Digital twin of a spinning line",
      stage: { key: "submitted", label: "Submitted", kind: "active", editable: false },
      submitted_version: 1,
      first_submitted_at: "2026-11-18T09:00:00Z",
      permissions: { can_edit: false, can_manage_partners: false, can_answer_invitation: [], transitions: [] },
    });
  const partnerOut = (organisationId: string, status: "invited" | "confirmed" | "declined", role = "") => {
    const organisation = PROPOSAL_ORGANISATIONS.find((candidate) => candidate.id === organisationId);
    return {
      organisation: {
        id: organisationId,
        name: organisation?.name ?? organisationId,
        region_code: organisation?.region_code ?? null,
        kind: "company",
        country_code: null,
        city: null,
        deleted: false,
      },
      region_code: organisation?.region_code ?? null,
      role_description: role,
      status,
      invited_at: "2026-11-25T10:00:00Z",
      answered_at: status === "invited" ? null : "2026-11-25T11:00:00Z",
    };
  };
  return {
    [`GET ${base}/proposals`]: (call) => json(proposalPage(new URLSearchParams(call.search))),
    [`GET ${base}/proposals/stage-counts`]: (call) => json(proposalStageCounts(new URLSearchParams(call.search))),
    [`POST ${base}/proposals`]: (call) => {
      const body = call.body as { title: string; summary?: string; lead_organisation_id: string };
      return versioned(
        proposalDetail({ title: body.title, summary: body.summary ?? "", partners: [], version: 1, acronym: null }),
        201,
      );
    },
    [`GET ${draft}`]: () => versioned(proposalDetail()),
    [`PATCH ${draft}`]: (call) => {
      const { answers, ...fields } = call.body as { answers?: Record<string, unknown> };
      const current = proposalDetail();
      return versioned({ ...current, ...fields, answers: { ...current.answers, ...answers }, version: current.version + 1 });
    },
    [`GET ${draft}/transitions`]: () => json(PROPOSAL_TRANSITIONS),
    [`POST ${draft}/transitions`]: (call) => {
      const key = (call.body as { transition: string }).transition;
      const option = PROPOSAL_TRANSITIONS.transitions.find((candidate) => candidate.key === key);
      const stage = PROPOSAL_PIPELINE.stages.find((candidate) => candidate.key === option?.to_stage.key);
      if (!option || !stage) return problem(409, "This move is not allowed", `No step ${key} from Draft.`);
      return versioned(
        proposalDetail({
          stage,
          version: 5,
          submitted_version: key === "submit" ? 1 : 0,
          permissions: { can_edit: false, can_manage_partners: false, can_answer_invitation: [], transitions: [] },
        }),
      );
    },
    [`GET ${draft}/timeline`]: () => page(PROPOSAL_TIMELINE),
    [`GET ${draft}/versions`]: () => page(PROPOSAL_VERSIONS),
    [`GET ${draft}/compare`]: (call) => {
      const query = new URLSearchParams(call.search);
      const to = query.get("to") ?? "current";
      return json({ ...PROPOSAL_COMPARISON, from_version: Number(query.get("from")), to_version: to === "current" ? to : Number(to) });
    },
    [`GET ${draft}/attachments`]: () => page(PROPOSAL_ATTACHMENTS),
    [`POST ${draft}/attachments`]: () =>
      json({ ...PROPOSAL_ATTACHMENTS[0], id: "a7a7a7a7-0000-4000-8000-0000000000ff", filename: "annex.pdf", kind: "technical_annex" }, 201),
    [`DELETE ${draft}/attachments/${PROPOSAL_IDS.attachment}`]: () => new Response(null, { status: 204 }),
    [`POST ${draft}/partners`]: (call) => {
      const body = call.body as { organisation_id: string; role_description?: string };
      return json(partnerOut(body.organisation_id, "invited", body.role_description), 201);
    },
    [`DELETE ${draft}/partners/${PROPOSAL_IDS.partnerEs52}`]: () => new Response(null, { status: 204 }),
    [`POST ${draft}/partners/${PROPOSAL_IDS.partnerEs52}/answer`]: (call) =>
      json(partnerOut(PROPOSAL_IDS.partnerEs52, (call.body as { accept: boolean }).accept ? "confirmed" : "declined")),
    [`GET ${submitted}`]: () => versioned(submittedDetail()),
    [`GET ${submitted}/transitions`]: () =>
      json({ stage: { key: "submitted", label: "Submitted" }, transitions: [] }),
    [`GET ${base}/calls/${PROPOSAL_IDS.call}`]: () => withHeaders(json(PROPOSAL_CALL), { ETag: `"${PROPOSAL_CALL.version}"` }),
    [`GET ${base}/calls/${PROPOSAL_IDS.call}/pipeline`]: () => json(PROPOSAL_PIPELINE),
  };
}

// -- calls, screening and the panel (features/calls, features/panel) -------------------------------------------------

import type { Call } from "@/features/calls/api/get-call";
import {
  AUTO_REPORT,
  CALL_ASSIGNMENTS,
  CALL_IDS,
  CALL_TARGETS,
  callPipeline,
  consensusAnswer,
  DRAFT_CALL,
  EVALUATION,
  PUBLISHED_CALL,
  RANKING,
  SCREENING,
  screeningTransitions,
  STAGED_DECISIONS,
} from "@/testing/data";

/**
 * The proposals service's call, screening and panel endpoints for the fixtures of data.ts (stateless: a test
 * that needs an answer to change replaces the route with `api.on`). `GET /calls` is the evaluation fixtures'
 * one-call list; the call pages' tests set their own list.
 */
function callsAndPanelHandlers(): Record<string, Handler> {
  const base = "/api/proposals";
  const published = `${base}/calls/${CALL_IDS.published}`;
  const created = `${base}/calls/${CALL_IDS.created}`;
  const versioned = (call: Call, status = 200) => withHeaders(json(call, status), { ETag: `"${call.version}"` });
  const ifMatchVersion = (call: RecordedCall) => Number((call.headers.get("If-Match") ?? "").replace(/\D/g, "")) || 0;
  const newCall = (body: object, version: number): Call => ({
    ...DRAFT_CALL,
    ...(body as Partial<Call>),
    id: CALL_IDS.created,
    pipeline: callPipeline(CALL_IDS.created, version),
    version,
  });
  const screeningProposal = `${base}/proposals/${CALL_IDS.screeningProposal}`;
  const readyProposal = `${base}/proposals/${CALL_IDS.readyProposal}`;
  return {
    [`GET ${published}`]: () => versioned(PUBLISHED_CALL),
    [`GET ${base}/calls/${CALL_IDS.draft}`]: () => versioned(DRAFT_CALL),
    [`PATCH ${published}`]: (call) =>
      versioned({ ...PUBLISHED_CALL, ...(call.body as Partial<Call>), version: PUBLISHED_CALL.version + 1 }),
    [`POST ${base}/calls`]: (call) => versioned(newCall({ ...(call.body as object), status: "draft" }, 1), 201),
    [`GET ${created}`]: () => versioned(newCall({}, 1)),
    [`PATCH ${created}`]: (call) => versioned(newCall(call.body as object, ifMatchVersion(call) + 1)),
    [`GET ${published}/targets`]: () => json(CALL_TARGETS),
    [`GET ${published}/pipeline`]: () =>
      withHeaders(json(PUBLISHED_CALL.pipeline), { ETag: `"${PUBLISHED_CALL.version}"` }),
    [`PUT ${published}/pipeline`]: (call) => {
      const pipeline = { ...PUBLISHED_CALL.pipeline, ...(call.body as object), version: PUBLISHED_CALL.version + 1 };
      return withHeaders(json(pipeline), { ETag: `"${pipeline.version}"` });
    },
    [`GET ${screeningProposal}/screening`]: () => json(SCREENING),
    [`PUT ${screeningProposal}/screening`]: (call) => {
      const body = call.body as { eligible: boolean; reason: string };
      const overridden = body.eligible && SCREENING.checks!.some((check) => check.outcome === "failed");
      return json({
        ...SCREENING,
        decision: {
          ...body,
          decided_at: "2026-11-25T09:00:00Z",
          outdated: false,
          decided_by_name: ME.display_name,
          overridden,
          checks: SCREENING.checks,
        },
      });
    },
    [`GET ${screeningProposal}/transitions`]: () => json(screeningTransitions(null)),
    [`GET ${published}/assignments`]: () => json({ items: CALL_ASSIGNMENTS, next_cursor: null }),
    [`POST ${published}/assignments/auto`]: () => json(AUTO_REPORT),
    [`GET ${readyProposal}/evaluation`]: () => json(EVALUATION),
    [`PUT ${readyProposal}/consensus`]: (call) => {
      const body = call.body as { scores: { criterion: string; value: string | null; comment?: string }[]; summary: string };
      return json(consensusAnswer(body.scores, body.summary, ifMatchVersion(call) + 1));
    },
    [`GET ${published}/ranking`]: () => json(RANKING),
    [`GET ${published}/decisions`]: () => json({ ...STAGED_DECISIONS, items: [] }),
    [`POST ${published}/decisions/stage`]: () => json(STAGED_DECISIONS),
    [`POST ${published}/decisions/release`]: () =>
      json({
        ...STAGED_DECISIONS,
        released_at: "2027-03-02T10:00:00Z",
        items: STAGED_DECISIONS.items.map((item) => ({ ...item, released_at: "2027-03-02T10:00:00Z" })),
      }),
  };
}
