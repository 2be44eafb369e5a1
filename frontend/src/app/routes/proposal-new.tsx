import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { NewProposalForm } from "@/features/proposals/components/new-proposal-form";

/** /proposals/new?call=<id> — start a proposal in an open call. */
export function ProposalNewRoute() {
  const { t } = useTranslation();
  const { t: tProposals } = useTranslation("proposals");
  const me = useMe();
  return (
    <>
      <title>{`${tProposals("create.title")} · ${t("app.name")}`}</title>
      <NewProposalForm memberships={me.data?.memberships ?? []} />
    </>
  );
}
