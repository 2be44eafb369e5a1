import "@/features/proposals/components/proposals.css";

import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useCall } from "@/features/proposals/api/get-call";
import { useProposal } from "@/features/proposals/api/get-proposal";
import { AttachmentsTab } from "@/features/proposals/components/attachments-tab";
import { InvitationBanner } from "@/features/proposals/components/invitation-banner";
import { PartnersTab } from "@/features/proposals/components/partners-tab";
import { ProposalEditor } from "@/features/proposals/components/proposal-editor";
import { ProposalHeader } from "@/features/proposals/components/proposal-header";
import { ProposalOverview } from "@/features/proposals/components/proposal-overview";
import { ProposalTabs } from "@/features/proposals/components/proposal-tabs";
import { RelatedLinks } from "@/features/proposals/components/related-links";
import { StepsBar } from "@/features/proposals/components/steps-bar";
import { TimelineTab } from "@/features/proposals/components/timeline-tab";
import { VersionsTab } from "@/features/proposals/components/versions-tab";
import { useLabels } from "@/features/proposals/hooks/use-labels";
import { mayReadPrivateAnswers, relatedPages, type Membership } from "@/features/proposals/utils/access";
import { isProposalTab, type ProposalTab, type UnmetTarget } from "@/features/proposals/utils/unmet";
import { ApiProblem } from "@/lib/problem";
import { useRegions } from "@/lib/regions";

type ProposalPageProps = { id: string; memberships: readonly Membership[] };

function focusInside(selector: string): boolean {
  const scope = document.querySelector(selector);
  const target =
    scope?.querySelector<HTMLElement>("input:not(:disabled), select:not(:disabled), textarea:not(:disabled)") ??
    (scope instanceof HTMLElement ? scope : null);
  target?.focus();
  return Boolean(target);
}

/**
 * /proposals/:id: the header, an invitation to answer, the steps out of the stage, links to the proposal's other
 * pages, and the tabs (overview and editing, partners, attachments, versions, timeline). The tab is in the address.
 */
export function ProposalPage({ id, memberships }: ProposalPageProps) {
  const { t } = useTranslation("proposals");
  const labels = useLabels();
  const proposalQuery = useProposal(id);
  const call = useCall(proposalQuery.data?.proposal.call.id ?? null);
  const regions = useRegions();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab");
  const tab: ProposalTab = isProposalTab(tabParam) ? tabParam : "overview";
  const [status, setStatus] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<string | null>(null);

  // after "fix this" moved to another tab: focus the field (or the panel) once it is on screen
  useEffect(() => {
    if (pendingFocus.current && focusInside(pendingFocus.current)) pendingFocus.current = null;
  });

  function selectTab(next: ProposalTab) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === "overview") updated.delete("tab");
        else updated.set("tab", next);
        return updated;
      },
      { replace: true, preventScrollReset: true },
    );
  }

  function goTo(target: NonNullable<UnmetTarget>) {
    pendingFocus.current = target.field
      ? `#proposal-panel-overview [data-field="${CSS.escape(target.field)}"]`
      : `#proposal-panel-${target.tab}`;
    selectTab(target.tab);
    if (target.tab === tab && focusInside(pendingFocus.current)) pendingFocus.current = null;
  }

  if (proposalQuery.isPending) {
    return (
      <div className="page proposals-page">
        <Loading />
      </div>
    );
  }
  if (proposalQuery.isError) {
    const missing = proposalQuery.error instanceof ApiProblem && proposalQuery.error.status === 404;
    return (
      <div className="page proposals-page">
        {missing ? (
          <div className="panel panel--quiet proposals-empty" data-testid="proposal-not-found">
            <h1>{t("detail.notFoundTitle")}</h1>
            <p>{t("detail.notFound")}</p>
            <Link to="/proposals">{t("detail.backToList")}</Link>
          </div>
        ) : (
          <ProblemAlert error={proposalQuery.error} onRetry={() => void proposalQuery.refetch()} />
        )}
      </div>
    );
  }

  const versioned = proposalQuery.data;
  const proposal = versioned.proposal;
  const mayReadPrivate = mayReadPrivateAnswers(memberships, proposal);
  const related = relatedPages(memberships, proposal, Boolean(call.data?.decisions_released_at));
  const fieldLabel = (field: string) => {
    const key = field.replace(/^(body\.)?answers\./, "");
    const answer = field.includes("answers.") ? call.data?.fields.find((candidate) => candidate.key === key) : undefined;
    if (field === "call.submission_phase") return t("steps.submissionPhase");
    if (field === "screening") return t("steps.screening");
    if (field === "decision") return t("steps.decision");
    return labels.field(field, answer?.label);
  };

  let panel;
  if (tab === "overview") {
    if (call.isPending) panel = <Loading />;
    else if (call.isError) panel = <ProblemAlert error={call.error} onRetry={() => void call.refetch()} />;
    else if (proposal.permissions.can_edit) {
      panel = (
        <ProposalEditor
          key={proposal.id}
          versioned={versioned}
          call={call.data}
          mayReadPrivate={mayReadPrivate}
          labels={labels}
        />
      );
    } else {
      panel = <ProposalOverview proposal={proposal} call={call.data} mayReadPrivate={mayReadPrivate} labels={labels} />;
    }
  } else if (tab === "partners") {
    panel = call.data ? (
      <PartnersTab
        proposal={proposal}
        call={call.data}
        labels={labels}
        allRegions={(regions.data ?? []).map((region) => region.code)}
      />
    ) : (
      <Loading />
    );
  } else if (tab === "attachments") {
    panel = <AttachmentsTab proposal={proposal} labels={labels} />;
  } else if (tab === "versions") {
    panel = <VersionsTab proposal={proposal} call={call.data} labels={labels} />;
  } else {
    panel = <TimelineTab proposalId={proposal.id} call={call.data} labels={labels} />;
  }

  return (
    <div className="page proposals-page proposal-page" data-proposal-id={proposal.id} data-stage={proposal.stage.key}>
      <ProposalHeader proposal={proposal} labels={labels} headingRef={heading} />

      <p className="proposal-status" role="status" aria-live="polite" data-testid="proposal-status">
        {status}
      </p>

      <InvitationBanner proposal={proposal} onAnswered={setStatus} />

      <div className="proposal-page__actions">
        <StepsBar
          proposal={proposal}
          labels={labels}
          fieldLabel={fieldLabel}
          onGoTo={goTo}
          onMoved={(moved) => {
            setStatus(t("steps.moved", { stage: moved.stage.label }));
            heading.current?.focus();
          }}
        />
        <RelatedLinks proposalId={proposal.id} pages={related} />
      </div>

      <ProposalTabs
        selected={tab}
        onSelect={selectTab}
        counts={{ partners: proposal.partners.length, versions: proposal.submitted_version }}
      >
        {panel}
      </ProposalTabs>
    </div>
  );
}
