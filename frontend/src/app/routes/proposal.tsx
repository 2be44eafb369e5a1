import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { useMe } from "@/features/auth/api/get-me";
import { useProposal } from "@/features/proposals/api/get-proposal";
import { ProposalPage } from "@/features/proposals/components/proposal-page";

/** /proposals/:id — one proposal: its fields, partners, files, versions, history and the steps out of its stage. */
export function ProposalRoute() {
  const { t } = useTranslation();
  const { t: tProposals } = useTranslation("proposals");
  const id = useParams().id ?? "";
  const me = useMe();
  const proposal = useProposal(id);
  const name = proposal.data ? proposal.data.proposal.reference : tProposals("detail.pageTitle");
  return (
    <>
      <title>{`${name} · ${t("app.name")}`}</title>
      {/* a new id is a new page: no edits, dialog or notice carried over from the previous proposal */}
      <ProposalPage key={id} id={id} memberships={me.data?.memberships ?? []} />
    </>
  );
}
