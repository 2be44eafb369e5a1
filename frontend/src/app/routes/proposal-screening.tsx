import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { ScreeningPage } from "@/features/panel/components/screening-page";

/** /proposals/:id/screening — the lead region's managers and the admin screen a proposal (applicants read). */
export function ProposalScreeningRoute() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation("calls");
  const id = useParams().id ?? "";
  return (
    <>
      <title>{`${tc("screening.pageTitle")} · ${t("app.name")}`}</title>
      <ScreeningPage key={id} proposalId={id} />
    </>
  );
}
