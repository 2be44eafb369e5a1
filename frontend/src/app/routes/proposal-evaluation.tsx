import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { EvaluationPage } from "@/features/panel/components/evaluation-page";

/** /proposals/:id/evaluation — reviews side by side and the consensus (the admin writes; lead managers read). */
export function ProposalEvaluationRoute() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation("calls");
  const id = useParams().id ?? "";
  return (
    <>
      <title>{`${tc("evaluation.pageTitle")} · ${t("app.name")}`}</title>
      <EvaluationPage key={id} proposalId={id} />
    </>
  );
}
