import { useTranslation } from "react-i18next";

import type { ProposalListItem } from "@/features/proposals/api/get-proposals";
import { ProposalCard } from "@/features/proposals/components/proposal-card";
import type { Labels } from "@/features/proposals/hooks/use-labels";

type ProposalListProps = { items: readonly ProposalListItem[]; labels: Labels };

export function ProposalList({ items, labels }: ProposalListProps) {
  const { t } = useTranslation("proposals");
  return (
    <ul className="proposal-list" aria-label={t("list.results")}>
      {items.map((proposal) => (
        <li key={proposal.id} data-proposal-id={proposal.id} data-stage={proposal.stage.key}>
          <ProposalCard proposal={proposal} labels={labels} />
        </li>
      ))}
    </ul>
  );
}
