import { useTranslation } from "react-i18next";

import type { ProposalListItem } from "@/features/proposals/api/get-proposals";
import type { StageCounts } from "@/features/proposals/api/get-stage-counts";
import { ProposalCard } from "@/features/proposals/components/proposal-card";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { formatNumber } from "@/lib/intl";

type BoardStage = { key: string; label: string };

type ProposalBoardProps = {
  callCode: string;
  stages: readonly BoardStage[];
  items: readonly ProposalListItem[];
  counts: StageCounts | undefined;
  labels: Labels;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
};

/**
 * One column per stage of the call's pipeline, in its order; each column counts all its proposals and shows the
 * cards loaded so far ("Load more" fetches the next page for every column).
 */
export function ProposalBoard(props: ProposalBoardProps) {
  const { callCode, stages, items, counts, labels, hasMore, loadingMore, onLoadMore } = props;
  const { t } = useTranslation("proposals");
  const count = (key: string) => counts?.stages.find((stage) => stage.key === key)?.count ?? 0;

  return (
    // the board scrolls sideways: focusable, so the keyboard can scroll it too
    <div className="proposal-board" role="group" tabIndex={0} aria-label={t("board.label", { call: callCode })}>
      {stages.map((stage) => {
        const cards = items.filter((item) => item.stage.key === stage.key);
        const total = count(stage.key);
        const headingId = `board-${stage.key}`;
        return (
          <section key={stage.key} className="board-column" data-stage={stage.key} aria-labelledby={headingId}>
            <h3
              id={headingId}
              className="board-column__title"
              aria-label={t("board.columnName", { stage: stage.label, count: total })}
            >
              <span>{stage.label}</span>
              <span className="board-column__count">{formatNumber(total, labels.language)}</span>
            </h3>
            {cards.length > 0 ? (
              <ul className="board-column__cards">
                {cards.map((proposal) => (
                  <li key={proposal.id} data-proposal-id={proposal.id}>
                    <ProposalCard proposal={proposal} labels={labels} showStage={false} />
                  </li>
                ))}
              </ul>
            ) : (
              total === 0 && <p className="muted small board-column__empty">{t("board.emptyColumn")}</p>
            )}
            {cards.length < total && (
              <p className="small board-column__more">
                {t("board.notLoaded", { count: total - cards.length })}
                {hasMore && (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="button button--link"
                      disabled={loadingMore}
                      onClick={onLoadMore}
                    >
                      {t("list.loadMore")}
                    </button>
                  </>
                )}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
