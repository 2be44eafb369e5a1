import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { ProposalsPage } from "@/features/proposals/components/proposals-page";

/** /proposals — the proposals the person may see, as a list or as a call's board. */
export function ProposalsRoute() {
  const { t } = useTranslation();
  const { t: tProposals } = useTranslation("proposals");
  const me = useMe();
  return (
    <>
      <title>{`${tProposals("list.title")} · ${t("app.name")}`}</title>
      <ProposalsPage memberships={me.data?.memberships ?? []} />
    </>
  );
}
