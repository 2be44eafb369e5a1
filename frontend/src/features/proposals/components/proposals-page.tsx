import "@/features/proposals/components/proposals.css";

import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useCalls } from "@/features/proposals/api/get-calls";
import { usePipeline } from "@/features/proposals/api/get-pipeline";
import { useProposals } from "@/features/proposals/api/get-proposals";
import { useStageCounts } from "@/features/proposals/api/get-stage-counts";
import { ProposalBoard } from "@/features/proposals/components/proposal-board";
import { ProposalFiltersForm } from "@/features/proposals/components/proposal-filters";
import { ProposalList } from "@/features/proposals/components/proposal-list";
import { useLabels } from "@/features/proposals/hooks/use-labels";
import { useProposalFilters } from "@/features/proposals/hooks/use-proposal-filters";
import { mayCreateProposals, type Membership } from "@/features/proposals/utils/access";
import { hasFilters, proposalQuery } from "@/features/proposals/utils/list-filters";
import { formatNumber } from "@/lib/intl";
import { useRegions } from "@/lib/regions";

/** /proposals: the proposals the person may see, filtered in the address, as a list or as the call's board. */
export function ProposalsPage({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation("proposals");
  const labels = useLabels();
  const [filters, actions] = useProposalFilters();
  const query = useMemo(() => proposalQuery(filters), [filters]);
  const stagelessQuery = useMemo(() => proposalQuery({ ...filters, stage: [] }), [filters]);
  const list = useProposals(query);
  const counts = useStageCounts(query);
  // the stages on offer: the chosen call's pipeline, else the stages the person's proposals are in
  const stageOffer = useStageCounts(stagelessQuery);
  const calls = useCalls();
  const pipeline = usePipeline(filters.call);
  const regions = useRegions();
  const resultsHeadingId = useId();

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = list.data?.pages[0];
  const call = calls.data?.find((candidate) => candidate.id === filters.call) ?? null;
  const stages = filters.call ? (pipeline.data?.stages ?? []) : (stageOffer.data?.stages ?? []);
  const boardStages =
    filters.stage.length > 0 ? stages.filter((stage) => filters.stage.includes(stage.key)) : stages;
  const creator = mayCreateProposals(memberships);
  const newLink = call?.submission_open ? `/proposals/new?call=${call.id}` : "/proposals/new";

  let status = "";
  if (counts.isPending) status = t("list.loading");
  else if (counts.data) {
    const formatted = formatNumber(counts.data.total, labels.language);
    status = t("list.count", { count: counts.data.total, formatted });
  }

  return (
    <div className="page proposals-page">
      <div className="page__header proposals-page__header">
        <div>
          <h1>{t("list.title")}</h1>
          <p className="lead">{t("list.intro")}</p>
        </div>
        {creator && (
          <Link to={newLink} className="button button--primary">
            {t("list.new")}
          </Link>
        )}
      </div>

      <div className="proposals-layout">
        <ProposalFiltersForm
          filters={filters}
          actions={actions}
          calls={calls.data ?? []}
          stages={stages}
          regions={(regions.data ?? []).map((region) => region.code)}
          labels={labels}
        />

        <section className="proposals-results" aria-labelledby={resultsHeadingId}>
          <div className="proposals-results__bar">
            <h2 id={resultsHeadingId} className="visually-hidden">
              {t("list.results")}
            </h2>
            <p className="proposals-results__count" role="status" aria-live="polite" aria-atomic="true">
              {status}
            </p>
            <div className="view-toggle" role="group" aria-label={t("list.view.label")}>
              <button
                type="button"
                className="button button--secondary"
                aria-pressed={filters.view === "list"}
                onClick={() => actions.set("view", "list")}
              >
                {t("list.view.list")}
              </button>
              <button
                type="button"
                className="button button--secondary"
                aria-pressed={filters.view === "board"}
                onClick={() => actions.set("view", "board")}
              >
                {t("list.view.board")}
              </button>
            </div>
          </div>

          {(list.isError || counts.isError) && (
            <ProblemAlert
              error={list.error ?? counts.error}
              onRetry={() => {
                void (list.isFetchNextPageError ? list.fetchNextPage() : list.refetch());
                void counts.refetch();
              }}
            />
          )}
          {list.isPending && <Loading />}

          {firstPage && items.length === 0 && (
            <div className="panel panel--quiet proposals-empty">
              {hasFilters(filters) ? (
                <>
                  <p>{t("list.emptyFiltered")}</p>
                  <button type="button" className="button button--secondary" onClick={actions.clear}>
                    {t("list.filters.clear")}
                  </button>
                </>
              ) : (
                <p>{creator ? t("list.emptyCreator") : t("list.emptyReader")}</p>
              )}
            </div>
          )}

          {filters.view === "board" && !filters.call && firstPage && (
            <div className="panel panel--quiet proposals-empty" data-testid="board-needs-call">
              <p>{t("board.chooseCall")}</p>
            </div>
          )}
          {filters.view === "board" && filters.call && pipeline.isError && <ProblemAlert error={pipeline.error} />}
          {filters.view === "board" && filters.call && pipeline.data && items.length > 0 && (
            <div aria-busy={list.isPlaceholderData || list.isFetchingNextPage}>
              <ProposalBoard
                callCode={call?.code ?? ""}
                stages={boardStages}
                items={items}
                counts={counts.data}
                labels={labels}
                hasMore={list.hasNextPage}
                loadingMore={list.isFetchingNextPage}
                onLoadMore={() => void list.fetchNextPage()}
              />
            </div>
          )}

          {filters.view === "list" && items.length > 0 && (
            <div aria-busy={list.isPlaceholderData || list.isFetchingNextPage}>
              <ProposalList items={items} labels={labels} />
              <div className="proposals-results__more">
                {counts.data && (
                  <p className="muted small">
                    {t("list.shown", {
                      shown: formatNumber(items.length, labels.language),
                      total: formatNumber(counts.data.total, labels.language),
                    })}
                  </p>
                )}
                {list.hasNextPage && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={list.isFetchingNextPage}
                    onClick={() => void list.fetchNextPage()}
                  >
                    {list.isFetchingNextPage ? t("list.loadingMore") : t("list.loadMore")}
                  </button>
                )}
              </div>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
