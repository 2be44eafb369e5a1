import "@/features/panel/components/panel.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useEvaluation, type Evaluation } from "@/features/panel/api/get-evaluation";
import { usePanelCall } from "@/features/panel/api/get-panel-call";
import { ConsensusEditor } from "@/features/panel/components/consensus-editor";
import { ReviewsSideBySide } from "@/features/panel/components/reviews-side-by-side";

/**
 * /proposals/:id/evaluation: the reviews side by side with each criterion's mean, lowest and highest and the
 * divergences, the readiness, and the consensus (edited by the admin, read by the lead region's managers).
 */
export function EvaluationPage({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation("calls");
  const evaluation = useEvaluation(proposalId);
  const call = usePanelCall(evaluation.data?.call.id);

  if (evaluation.isPending) {
    return (
      <div className="page panel-ui">
        <Loading />
      </div>
    );
  }
  if (evaluation.isError) {
    return (
      <div className="page panel-ui">
        <p className="breadcrumb">
          <Link to={`/proposals/${proposalId}`}>{t("evaluation.backToProposal")}</Link>
        </p>
        <h1>{t("evaluation.pageTitle")}</h1>
        <ProblemAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />
      </div>
    );
  }
  const data = evaluation.data;
  return (
    <div className="page panel-ui evaluation" data-proposal-id={data.proposal.id} data-stage={data.stage}>
      <header className="page__header">
        <p className="breadcrumb">
          <Link to={`/proposals/${data.proposal.id}`}>{t("evaluation.backTo", { reference: data.proposal.reference })}</Link>
          {data.consensus.editable && (
            <>
              {" · "}
              <Link to={`/calls/${data.call.id}/panel`}>{t("evaluation.backToPanel", { code: data.call.code })}</Link>
            </>
          )}
        </p>
        <h1>{t("evaluation.title", { reference: data.proposal.reference, title: data.proposal.title })}</h1>
        <p className="muted">{t("evaluation.call", { code: data.call.code, title: data.call.title })}</p>
      </header>

      <ReadinessNote evaluation={data} />

      <section className="panel section" aria-labelledby="evaluation-scores">
        <h2 id="evaluation-scores">{t("evaluation.scores")}</h2>
        <ReviewsSideBySide evaluation={data} />
      </section>

      <section className="panel section" aria-labelledby="evaluation-consensus" data-testid="consensus">
        <h2 id="evaluation-consensus">{t("consensus.title")}</h2>
        {call.isPending && <Loading />}
        {call.isError && <ProblemAlert error={call.error} onRetry={() => void call.refetch()} />}
        {call.isSuccess && (
          <ConsensusEditor
            evaluation={data}
            criteria={call.data.criteria}
            overallThreshold={call.data.overall_threshold}
            onReload={async () => (await evaluation.refetch()).data}
          />
        )}
      </section>
    </div>
  );
}

function ReadinessNote({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation("calls");
  const { readiness } = evaluation;
  if (readiness.ready) {
    return (
      <p className="alert alert--success" data-testid="readiness" data-ready="true">
        {t("evaluation.ready", { submitted: readiness.submitted, count: readiness.required })}
      </p>
    );
  }
  return (
    <div className="alert alert--warning" data-testid="readiness" data-ready="false">
      <p className="alert__title">
        {t("evaluation.notReady", { submitted: readiness.submitted, count: readiness.required })}
      </p>
      {readiness.reasons.length > 0 && (
        <ul aria-label={t("evaluation.whyNotReady")}>
          {readiness.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
