import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { AssignmentPage } from "@/features/evaluation/components/assignment-page";

export function AssignmentRoute() {
  const { t } = useTranslation();
  const { t: tEvaluation } = useTranslation("evaluation");
  const { assignmentId = "" } = useParams();
  return (
    <>
      <title>{`${tEvaluation("assignment.pageTitle")} · ${t("app.name")}`}</title>
      {/* a new id is a new score sheet: no draft carried over from the previous assignment */}
      <AssignmentPage key={assignmentId} id={assignmentId} />
    </>
  );
}
