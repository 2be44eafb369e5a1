import "@/features/calls/components/calls.css";

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useCall, type Call } from "@/features/calls/api/get-call";
import { CallBadges } from "@/features/calls/components/call-badges";
import { CallRules } from "@/features/calls/components/call-rules";
import { CallTargets } from "@/features/calls/components/call-targets";
import { FormQuestions } from "@/features/calls/components/form-questions";
import { PhaseTimeline } from "@/features/calls/components/phase-timeline";
import { PipelineOverview } from "@/features/calls/components/pipeline-overview";
import { PriorityBadges } from "@/features/calls/components/priority-badges";
import { RubricTable } from "@/features/calls/components/rubric-table";
import { isCallAdmin, isCallManager, type CallsMembership } from "@/features/calls/utils/permissions";
import { formatDateTime } from "@/lib/intl";

/** What the page after a save says ("The call was created."), passed in the navigation's state. */
export type CallSavedState = { saved?: "created" | "updated" | "published" };

type CallDetailProps = { id: string; memberships: readonly CallsMembership[] };

/** /calls/:id: a call's phases, rules, priorities, form, rubric, targets and pipeline; the tools for its staff. */
export function CallDetail({ id, memberships }: CallDetailProps) {
  const { t, i18n } = useTranslation("calls");
  const query = useCall(id);
  const saved = (useLocation().state as CallSavedState | null)?.saved;

  if (query.isPending) {
    return (
      <div className="page calls-ui">
        <Loading />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="page calls-ui">
        <p className="breadcrumb">
          <Link to="/calls">{t("detail.back")}</Link>
        </p>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  const call = query.data.call;
  return (
    <div className="page calls-ui call-detail" data-call-id={call.id}>
      <header className="page__header">
        <p className="breadcrumb">
          <Link to="/calls">{t("detail.back")}</Link>
        </p>
        <div className="call-header">
          <div>
            <h1>{call.title}</h1>
            <p className="call-header__meta">
              <span data-field="code">{call.code}</span>
              <span>{call.year === null ? t(`kind.${call.kind}`) : t("list.kindYear", { kind: t(`kind.${call.kind}`), year: call.year })}</span>
              <CallBadges status={call.status} submissionOpen={call.submission_open} />
            </p>
          </div>
          <CallActions call={call} memberships={memberships} />
        </div>
        {saved && (
          <p role="status" className="alert alert--success">
            {t(`detail.saved.${saved}`)}
          </p>
        )}
        {call.description && <p className="lead">{call.description}</p>}
        {call.decisions_released_at && (
          <p className="alert alert--info">
            {t("detail.released", { when: formatDateTime(call.decisions_released_at, i18n.language) })}
          </p>
        )}
      </header>

      <div className="call-sections">
        <Section id="phases" title={t("detail.phases")}>
          <PhaseTimeline phases={call.phases} />
        </Section>
        <Section id="rules" title={t("detail.rules")}>
          <CallRules call={call} />
        </Section>
        <Section id="priorities" title={t("detail.priorities")}>
          {call.eligible_priorities.length > 0 ? (
            <PriorityBadges codes={call.eligible_priorities} label={t("detail.priorities")} />
          ) : (
            <p className="muted">{t("detail.anyPriority")}</p>
          )}
        </Section>
        <Section id="fields" title={t("detail.fields")}>
          <FormQuestions fields={call.fields} />
        </Section>
        <Section id="rubric" title={t("detail.rubric")}>
          <RubricTable criteria={call.criteria} overallThreshold={call.overall_threshold} />
        </Section>
        <Section id="targets" title={t("detail.targets")}>
          <CallTargets id={call.id} />
        </Section>
        <Section id="pipeline" title={t("detail.pipeline")}>
          <p className="muted">{t("detail.pipelineIntro")}</p>
          <PipelineOverview pipeline={call.pipeline} />
        </Section>
      </div>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel section" aria-labelledby={`call-${id}`} data-section={id}>
      <h2 id={`call-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** Managers export the proposals and open them; the admin also runs the panel and edits the call. */
function CallActions({ call, memberships }: { call: Call; memberships: readonly CallsMembership[] }) {
  const { t } = useTranslation("calls");
  const admin = isCallAdmin(memberships);
  if (!isCallManager(memberships)) return null;
  const exportUrl = (format: "csv" | "xlsx") => `/api/proposals/calls/${call.id}/proposals/export?format=${format}`;
  return (
    <nav className="page-actions" aria-label={t("detail.actions")}>
      <Link className="button button--secondary" to={`/proposals?call=${call.id}`}>
        {t("detail.proposals")}
      </Link>
      <a className="button button--secondary" href={exportUrl("csv")} download data-export="csv">
        {t("detail.exportCsv")}
      </a>
      <a className="button button--secondary" href={exportUrl("xlsx")} download data-export="xlsx">
        {t("detail.exportXlsx")}
      </a>
      {admin && (
        <>
          <Link className="button button--secondary" to={`/calls/${call.id}/panel`}>
            {t("detail.panel")}
          </Link>
          <Link className="button button--secondary" to={`/calls/${call.id}/pipeline`}>
            {t("detail.editPipeline")}
          </Link>
          <Link className="button button--primary" to={`/calls/${call.id}/edit`}>
            {t("detail.edit")}
          </Link>
        </>
      )}
    </nav>
  );
}
