import "@/features/panel/components/panel.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useScreening, type Screening } from "@/features/panel/api/get-screening";
import { ProposalSteps } from "@/features/panel/components/proposal-steps";
import { ScreeningChecklist } from "@/features/panel/components/screening-checklist";
import { ScreeningDecisionForm } from "@/features/panel/components/screening-decision-form";
import { formatDateTime } from "@/lib/intl";

/**
 * /proposals/:id/screening: the automatic checklist, the decision (with a warning when it overrides a failed
 * check), and the steps available now, so the lead region's manager finishes screening on one page.
 */
export function ScreeningPage({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation("calls");
  const screening = useScreening(proposalId);

  const back = (
    <p className="breadcrumb">
      <Link to={`/proposals/${proposalId}`}>
        {screening.data ? t("screening.backTo", { reference: screening.data.reference }) : t("screening.back")}
      </Link>
    </p>
  );
  if (screening.isPending) {
    return (
      <div className="page panel-ui">
        <Loading />
      </div>
    );
  }
  if (screening.isError) {
    return (
      <div className="page panel-ui">
        {back}
        <h1>{t("screening.pageTitle")}</h1>
        <ProblemAlert error={screening.error} onRetry={() => void screening.refetch()} />
      </div>
    );
  }
  const data = screening.data;
  const screener = data.checks !== null;
  return (
    <div className="page panel-ui screening" data-proposal-id={data.proposal_id} data-stage={data.stage}>
      <header className="page__header">
        {back}
        <h1>{t("screening.title", { reference: data.reference })}</h1>
        <p className="lead">{screener ? t("screening.intro") : t("screening.introApplicant")}</p>
      </header>

      {data.checks && (
        <section className="panel section" aria-labelledby="screening-checks">
          <h2 id="screening-checks">{t("screening.checks")}</h2>
          <ScreeningChecklist checks={data.checks} />
        </section>
      )}

      <section
        className="panel section"
        aria-labelledby="screening-decision"
        data-testid="screening-decision"
        data-eligible={data.decision ? String(data.decision.eligible) : "none"}
      >
        <h2 id="screening-decision">{t("screening.decision")}</h2>
        <CurrentDecision screening={data} />
      </section>

      {data.can_decide && data.checks && (
        <section className="panel section" aria-labelledby="screening-decide">
          <h2 id="screening-decide">{data.decision ? t("screening.changeDecision") : t("screening.recordDecision")}</h2>
          <ScreeningDecisionForm proposalId={proposalId} checks={data.checks} decision={data.decision} />
        </section>
      )}
      {screener && !data.can_decide && (
        <p className="alert alert--info">{t("screening.notInScreening")}</p>
      )}

      {screener && (
        <section className="panel section" aria-labelledby="screening-steps">
          <h2 id="screening-steps">{t("steps.title")}</h2>
          <ProposalSteps proposalId={proposalId} reference={data.reference} />
        </section>
      )}
    </div>
  );
}

function CurrentDecision({ screening }: { screening: Screening }) {
  const { t, i18n } = useTranslation("calls");
  const decision = screening.decision;
  if (!decision) return <p className="muted">{t("screening.noDecision")}</p>;
  return (
    <div className="stack">
      <p>
        <span className={`badge ${decision.eligible ? "badge--eligible" : "badge--ineligible"}`}>
          {decision.eligible ? t("screening.eligible") : t("screening.notEligible")}
        </span>{" "}
        {decision.overridden && <span className="badge badge--manual">{t("screening.overridden")}</span>}
      </p>
      <blockquote className="decision-reason">{decision.reason}</blockquote>
      <p className="muted small">
        {decision.decided_by_name
          ? t("screening.decidedBy", {
              name: decision.decided_by_name,
              when: formatDateTime(decision.decided_at, i18n.language),
            })
          : t("screening.decidedAt", { when: formatDateTime(decision.decided_at, i18n.language) })}
      </p>
      {decision.outdated && (
        <p className="alert alert--warning">{t("screening.outdated")}</p>
      )}
    </div>
  );
}
