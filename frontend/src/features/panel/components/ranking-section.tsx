import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import type { PanelCall } from "@/features/panel/api/get-panel-call";
import { useRanking, type RankingRow } from "@/features/panel/api/get-ranking";
import { outcomeCounts } from "@/features/panel/utils/staffing";
import { formatDecimal } from "@/lib/intl";

/** (c) The ranking: rank, total, per-criterion scores, tie-break notes, outcome and why; who is not ready. */
export function RankingSection({ call }: { call: PanelCall }) {
  const { t } = useTranslation("calls");
  const ranking = useRanking(call.id);
  return (
    <section id="panel-ranking" className="panel section" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t("ranking.title")}</h2>
      {ranking.isPending && <Loading />}
      {ranking.isError && <ProblemAlert error={ranking.error} onRetry={() => void ranking.refetch()} />}
      {ranking.isSuccess && <RankingBody call={call} rows={ranking.data.rows} notReady={ranking.data.not_ready} />}
    </section>
  );
}

function RankingBody({
  call,
  rows,
  notReady,
}: {
  call: PanelCall;
  rows: RankingRow[];
  notReady: { proposal: { id: string; reference: string; title: string }; reason: string }[];
}) {
  const { t, i18n } = useTranslation("calls");
  const language = i18n.language;
  const counts = outcomeCounts(rows);
  return (
    <div className="stack">
      <p className="muted">
        {t("ranking.rule", { selected: call.selected_count, reserve: call.reserve_count })}
        {call.max_selected_per_region !== null && <> {t("ranking.regionCap", { count: call.max_selected_per_region })}</>}
      </p>
      {rows.length === 0 ? (
        <p className="panel panel--quiet">{t("ranking.empty")}</p>
      ) : (
        <>
          <p role="status" aria-live="polite" className="totals" data-testid="ranking-counts">
            {t("ranking.counts", { count: rows.length, selected: counts.selected, reserve: counts.reserve, rejected: counts.rejected })}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="ranking-caption">
            <table className="data-table ranking-table">
              <caption id="ranking-caption" className="visually-hidden">
                {t("ranking.caption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t("ranking.rank")}
                  </th>
                  <th scope="col">{t("ranking.proposal")}</th>
                  <th scope="col" className="numeric">
                    {t("ranking.total")}
                  </th>
                  {call.criteria.map((criterion) => (
                    <th key={criterion.key} scope="col" className="numeric" data-criterion={criterion.key}>
                      {criterion.title}
                    </th>
                  ))}
                  <th scope="col">{t("ranking.tieBreak")}</th>
                  <th scope="col">{t("ranking.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.proposal.id} data-proposal-id={row.proposal.id} data-outcome={row.outcome} data-rank={row.rank ?? ""}>
                    <td className="numeric">
                      {row.rank === null ? (
                        <span title={t("ranking.notFundable")}>—</span>
                      ) : (
                        <>
                          {row.tied ? `=${row.rank}` : row.rank}
                          {row.tied && <span className="visually-hidden"> {t("ranking.tied")}</span>}
                        </>
                      )}
                    </td>
                    <th scope="row">
                      <Link to={`/proposals/${row.proposal.id}/evaluation`}>{row.proposal.reference}</Link>{" "}
                      <span className="muted small">
                        {row.proposal.title} ({row.proposal.region_code})
                      </span>
                      {!row.fundable && <span className="badge badge--failed">{t("ranking.notFundable")}</span>}
                    </th>
                    <td className="numeric">{formatDecimal(row.total, language, 2)}</td>
                    {call.criteria.map((criterion) => {
                      const score = row.scores.find((item) => item.criterion === criterion.key);
                      return (
                        <td key={criterion.key} className="numeric" data-criterion={criterion.key}>
                          {score ? formatDecimal(score.value, language, 2) : "—"}
                        </td>
                      );
                    })}
                    <td className="small">{row.tie_note ?? ""}</td>
                    <td>
                      <span className={`badge badge--${row.outcome}`}>{t(`outcome.${row.outcome}`)}</span>
                      <span className="small"> {row.reason}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {notReady.length > 0 && (
        <div>
          <h3>{t("ranking.notReady")}</h3>
          <ul aria-label={t("ranking.notReady")} data-testid="not-ready">
            {notReady.map((item) => (
              <li key={item.proposal.id} data-proposal-id={item.proposal.id}>
                <Link to={`/proposals/${item.proposal.id}/evaluation`}>{item.proposal.reference}</Link> {item.proposal.title}:{" "}
                {item.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
