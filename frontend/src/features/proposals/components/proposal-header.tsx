import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { Proposal } from "@/features/proposals/api/get-proposal";
import { StageBadge } from "@/features/proposals/components/stage-badge";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { formatDateTime } from "@/lib/intl";

type ProposalHeaderProps = { proposal: Proposal; labels: Labels; headingRef?: Ref<HTMLHeadingElement> };

/** Reference, acronym, title, stage, call and lead; the heading takes focus after a step. */
export function ProposalHeader({ proposal, labels, headingRef }: ProposalHeaderProps) {
  const { t } = useTranslation("proposals");
  return (
    <header className="proposal-header">
      <p className="back-link">
        <Link to="/proposals">{t("detail.backToList")}</Link>
      </p>
      <p className="proposal-header__reference">
        <span data-field="reference">{proposal.reference}</span>
        {proposal.acronym && (
          <>
            {" · "}
            <span data-field="acronym">{proposal.acronym}</span>
          </>
        )}
      </p>
      <h1 ref={headingRef} tabIndex={-1} className="proposal-header__title">
        {proposal.title}
      </h1>
      <dl className="proposal-header__facts">
        <div>
          <dt>{t("detail.stage")}</dt>
          <dd>
            <StageBadge stage={proposal.stage} kind={proposal.stage.kind} />
          </dd>
        </div>
        <div>
          <dt>{t("detail.call")}</dt>
          <dd data-field="call" title={proposal.call.title}>
            {proposal.call.code}
          </dd>
        </div>
        <div>
          <dt>{t("detail.lead")}</dt>
          <dd data-field="lead">
            {proposal.lead.name} · {labels.region(proposal.region_code)}
          </dd>
        </div>
        <div>
          <dt>{t("detail.version")}</dt>
          <dd data-field="submitted-version">
            {proposal.submitted_version > 0
              ? t("detail.submittedVersion", { number: proposal.submitted_version })
              : t("detail.notSubmitted")}
          </dd>
        </div>
        <div>
          <dt>{t("detail.updated")}</dt>
          <dd>{formatDateTime(proposal.updated_at, labels.language)}</dd>
        </div>
      </dl>
    </header>
  );
}
