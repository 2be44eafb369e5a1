import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert, problemMessage } from "@/components/problem-alert";
import { useAutoAssign } from "@/features/panel/api/auto-assign";
import { useCallAssignments } from "@/features/panel/api/get-call-assignments";
import { useActiveEvaluators } from "@/features/panel/api/get-evaluators";
import type { PanelCall } from "@/features/panel/api/get-panel-call";
import { useRanking } from "@/features/panel/api/get-ranking";
import { AutoAssignReport } from "@/features/panel/components/auto-assign-report";
import { ProposalStaffing } from "@/features/panel/components/proposal-staffing";
import { staffingByProposal } from "@/features/panel/utils/staffing";

/** (a) and (b): the automatic assignment with its report, then each proposal's evaluators and evaluation. */
export function AssignmentsSection({ call }: { call: PanelCall }) {
  const { t } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const assignments = useCallAssignments(call.id);
  const ranking = useRanking(call.id);
  const evaluators = useActiveEvaluators();
  const auto = useAutoAssign(call.id);
  const released = call.decisions_released_at !== null;
  const views = assignments.data ? staffingByProposal(assignments.data, ranking.data) : [];

  return (
    <section id="panel-assignments" className="panel section" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t("assignments.title")}</h2>
      <p className="muted">{t("assignments.intro", { count: call.min_evaluators })}</p>
      {!released && (
        <div className="toolbar">
          <button type="button" className="button button--primary" disabled={auto.isPending} onClick={() => auto.mutate()}>
            {auto.isPending ? t("assignments.autoRunning") : t("assignments.auto")}
          </button>
        </div>
      )}
      {auto.isError && (
        <div role="alert" className="alert alert--error">
          <p className="alert__title">{t("assignments.autoFailed")}</p>
          <p className="alert__body">{problemMessage(auto.error, tc("status.networkError"))}</p>
        </div>
      )}
      {auto.data && <AutoAssignReport report={auto.data} />}

      <h3>{t("assignments.perProposal")}</h3>
      {assignments.isPending && <Loading />}
      {assignments.isError && <ProblemAlert error={assignments.error} onRetry={() => void assignments.refetch()} />}
      {assignments.isSuccess && views.length === 0 && (
        <p className="panel panel--quiet">{released ? t("assignments.noneReleased") : t("assignments.none")}</p>
      )}
      {views.length > 0 && (
        <>
          <p role="status" aria-live="polite" className="muted">
            {t("assignments.count", { count: views.length })}
          </p>
          <ul className="staffing-list" aria-label={t("assignments.listLabel")}>
            {views.map((view) => (
              <ProposalStaffing
                key={view.proposal.id}
                callId={call.id}
                view={view}
                required={call.min_evaluators}
                evaluators={evaluators.data ?? []}
                editable={!released}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
