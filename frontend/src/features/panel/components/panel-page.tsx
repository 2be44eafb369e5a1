import "@/features/panel/components/panel.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { usePanelCall } from "@/features/panel/api/get-panel-call";
import { AssignmentsSection } from "@/features/panel/components/assignments-section";
import { DecisionsSection } from "@/features/panel/components/decisions-section";
import { RankingSection } from "@/features/panel/components/ranking-section";
import { formatDateTime } from "@/lib/intl";

/**
 * /calls/:id/panel: the admin staffs the evaluation, follows each proposal to its consensus, reads the
 * ranking, stages the decisions, adjusts them and releases them.
 */
export function PanelPage({ callId }: { callId: string }) {
  const { t, i18n } = useTranslation("calls");
  const call = usePanelCall(callId);
  if (call.isPending) {
    return (
      <div className="page panel-ui">
        <Loading />
      </div>
    );
  }
  if (call.isError) {
    return (
      <div className="page panel-ui">
        <p className="breadcrumb">
          <Link to="/calls">{t("detail.back")}</Link>
        </p>
        <ProblemAlert error={call.error} onRetry={() => void call.refetch()} />
      </div>
    );
  }
  const released = call.data.decisions_released_at;
  return (
    <div className="page panel-ui panel-page" data-call-id={callId}>
      <header className="page__header">
        <p className="breadcrumb">
          <Link to={`/calls/${callId}`}>{t("panel.backTo", { title: call.data.title })}</Link>
        </p>
        <h1>{t("panel.title", { code: call.data.code })}</h1>
        <p className="lead">{t("panel.intro")}</p>
        {released && (
          <p className="alert alert--info">{t("panel.released", { when: formatDateTime(released, i18n.language) })}</p>
        )}
        <nav aria-label={t("panel.toc")}>
          <ul className="page-toc">
            <li>
              <a href="#panel-assignments">{t("assignments.title")}</a>
            </li>
            <li>
              <a href="#panel-ranking">{t("ranking.title")}</a>
            </li>
            <li>
              <a href="#panel-decisions">{t("decisions.title")}</a>
            </li>
          </ul>
        </nav>
      </header>
      <AssignmentsSection call={call.data} />
      <RankingSection call={call.data} />
      <DecisionsSection call={call.data} />
    </div>
  );
}
