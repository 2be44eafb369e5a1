import "@/features/evaluation/components/evaluation.css";

import { useTranslation } from "react-i18next";

import { useMyEvaluatorProfile } from "@/features/evaluation/api/get-my-evaluator-profile";
import { AssignmentList } from "@/features/evaluation/components/assignment-list";
import { MyConflicts } from "@/features/evaluation/components/my-conflicts";
import { ProfileStatus } from "@/features/evaluation/components/profile-status";
import { ProposalsInEvaluation } from "@/features/evaluation/components/proposals-in-evaluation";

/** The evaluator's workspace: profile prompt, assignments, proposals in evaluation (conflicts), declarations. */
export function EvaluationWorkspace() {
  const { t } = useTranslation("evaluation");
  const profile = useMyEvaluatorProfile();
  const registered = Boolean(profile.data);

  return (
    <div className="page evaluation-workspace">
      <header className="page__header">
        <h1>{t("workspace.title")}</h1>
        <p className="lead">{t("workspace.intro")}</p>
        <ProfileStatus />
      </header>
      <AssignmentList />
      <ProposalsInEvaluation registered={registered} />
      {registered && <MyConflicts />}
    </div>
  );
}
