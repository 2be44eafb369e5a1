import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { ProposalListItem } from "@/features/proposals/api/get-proposals";
import { StageBadge } from "@/features/proposals/components/stage-badge";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { formatList } from "@/lib/intl";

type ProposalCardProps = { proposal: ProposalListItem; labels: Labels; showStage?: boolean };

/** One proposal in the list or on the board: reference, title, lead and region, partner regions, priorities. */
export function ProposalCard({ proposal, labels, showStage = true }: ProposalCardProps) {
  const { t } = useTranslation("proposals");
  const partnerRegions = proposal.partner_regions.map((code) => labels.regionName(code));
  return (
    <article className="proposal-card" aria-labelledby={`proposal-${proposal.id}-title`}>
      <div className="proposal-card__head">
        <span className="proposal-card__reference">{proposal.reference}</span>
        {showStage && <StageBadge stage={proposal.stage} />}
      </div>
      <h3 id={`proposal-${proposal.id}-title`} className="proposal-card__title">
        <Link to={`/proposals/${proposal.id}`}>
          {proposal.acronym ? `${proposal.acronym} · ${proposal.title}` : proposal.title}
        </Link>
      </h3>
      <p className="proposal-card__meta" data-field="lead">
        {t("card.lead", { name: proposal.lead.name, region: labels.region(proposal.region_code) })}
      </p>
      <p className="proposal-card__meta" data-field="partner-regions">
        {partnerRegions.length
          ? t("card.partnerRegions", { regions: formatList(partnerRegions, labels.language) })
          : t("card.noPartners")}
      </p>
      {proposal.priorities.length > 0 && (
        <ul className="badges proposal-card__priorities" aria-label={t("card.priorities")}>
          {proposal.priorities.map((code) => (
            <li key={code} className="badge badge--accent" data-priority-code={code}>
              {labels.priority(code)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
