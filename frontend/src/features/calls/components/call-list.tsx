import "@/features/calls/components/calls.css";

import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useCalls, type CallFilters, type CallKind, type CallStatus, type CallSummary } from "@/features/calls/api/get-calls";
import { CallBadges } from "@/features/calls/components/call-badges";
import { PhaseDates } from "@/features/calls/components/phase-timeline";
import { PriorityBadges } from "@/features/calls/components/priority-badges";
import { isCallAdmin, type CallsMembership } from "@/features/calls/utils/permissions";
import { orderedPhases } from "@/features/calls/utils/phases";

const STATUSES: CallStatus[] = ["published", "archived", "draft"];
const KINDS: CallKind[] = ["dated", "permanent"];

function filtersOf(params: URLSearchParams, admin: boolean): CallFilters {
  const status = params.get("status");
  const kind = params.get("kind");
  return {
    status: STATUSES.find((value) => value === status && (admin || value !== "draft")),
    kind: KINDS.find((value) => value === kind),
  };
}

/** /calls: the calls the user may see (drafts for the admin only), with filters kept in the address. */
export function CallList({ memberships }: { memberships: readonly CallsMembership[] }) {
  const { t } = useTranslation("calls");
  const admin = isCallAdmin(memberships);
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params, admin);
  const calls = useCalls(filters);
  const items = calls.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.status ?? filters.kind);

  function setFilter(name: "status" | "kind", value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  }

  return (
    <div className="page calls-ui">
      <header className="page__header call-header">
        <div>
          <h1>{t("list.title")}</h1>
          <p className="lead">{t("list.intro")}</p>
        </div>
        {admin && (
          <Link to="/calls/new" className="button button--primary">
            {t("list.new")}
          </Link>
        )}
      </header>

      <form className="call-filters" aria-label={t("list.filters")} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="calls-status">{t("list.statusFilter")}</label>
          <select
            id="calls-status"
            name="status"
            value={filters.status ?? ""}
            onChange={(event) => setFilter("status", event.target.value)}
          >
            <option value="">{t("list.allStatuses")}</option>
            {STATUSES.filter((status) => admin || status !== "draft").map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="calls-kind">{t("list.kindFilter")}</label>
          <select id="calls-kind" name="kind" value={filters.kind ?? ""} onChange={(event) => setFilter("kind", event.target.value)}>
            <option value="">{t("list.allKinds")}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <section aria-labelledby="calls-results" aria-busy={calls.isFetching}>
        <h2 id="calls-results" className="visually-hidden">
          {t("list.results")}
        </h2>
        <p role="status" aria-live="polite" data-testid="call-count" className="muted">
          {calls.isSuccess ? t("list.count", { count: items.length }) : ""}
        </p>
        {calls.isPending && <Loading />}
        {calls.isError && <ProblemAlert error={calls.error} onRetry={() => void calls.refetch()} />}
        {calls.isSuccess && items.length === 0 && (
          <div className="panel panel--quiet">
            <p>{filtered ? t("list.emptyFiltered") : t("list.empty")}</p>
            <p className="muted">{admin ? t("list.emptyAdmin") : t("list.emptyOthers")}</p>
          </div>
        )}
        {items.length > 0 && (
          <ul className="call-list" aria-label={t("list.label")}>
            {items.map((call) => (
              <CallCard key={call.id} call={call} />
            ))}
          </ul>
        )}
        {calls.hasNextPage && (
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={calls.isFetchingNextPage}
              onClick={() => void calls.fetchNextPage()}
            >
              {calls.isFetchingNextPage ? t("list.loadingMore") : t("list.more")}
            </button>
          </p>
        )}
      </section>
    </div>
  );
}

function CallCard({ call }: { call: CallSummary }) {
  const { t } = useTranslation("calls");
  const phases = orderedPhases(call.phases);
  return (
    <li className="panel call-card" data-call-id={call.id} data-status={call.status}>
      <h2 className="call-card__title">
        <Link to={`/calls/${call.id}`}>{call.title}</Link>
      </h2>
      <p className="call-card__facts">
        <span>{call.code}</span>
        <span>{call.year === null ? t(`kind.${call.kind}`) : t("list.kindYear", { kind: t(`kind.${call.kind}`), year: call.year })}</span>
        <CallBadges status={call.status} submissionOpen={call.submission_open} />
      </p>
      {phases.length > 0 ? (
        <ul className="plain-list small" aria-label={t("detail.phases")}>
          {phases.map((phase) => (
            <li key={phase.kind} data-phase={phase.kind}>
              <strong>{t(`phase.${phase.kind}`)}:</strong> <PhaseDates phase={phase} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t("detail.noPhases")}</p>
      )}
      {call.eligible_priorities.length > 0 && (
        <PriorityBadges codes={call.eligible_priorities} label={t("detail.priorities")} />
      )}
    </li>
  );
}
