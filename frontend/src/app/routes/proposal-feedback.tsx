import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { ProposalFeedback } from "@/features/evaluation/components/proposal-feedback";

export function ProposalFeedbackRoute() {
  const { t } = useTranslation();
  const { t: tEvaluation } = useTranslation("evaluation");
  const { proposalId = "" } = useParams();
  return (
    <>
      <title>{`${tEvaluation("feedback.title")} · ${t("app.name")}`}</title>
      <ProposalFeedback key={proposalId} proposalId={proposalId} />
    </>
  );
}
