import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { EvaluationWorkspace } from "@/features/evaluation/components/evaluation-workspace";
import { RoleOnly } from "@/features/evaluation/components/role-only";
import { isEvaluator } from "@/features/evaluation/utils/access";

export function EvaluationRoute() {
  const { t } = useTranslation();
  const { t: tEvaluation } = useTranslation("evaluation");
  const me = useMe();
  const title = tEvaluation("workspace.title");
  return (
    <>
      <title>{`${title} · ${t("app.name")}`}</title>
      <RoleOnly
        allowed={isEvaluator(me.data?.memberships ?? [])}
        title={title}
        explanation={tEvaluation("access.evaluatorsOnly")}
      >
        <EvaluationWorkspace />
      </RoleOnly>
    </>
  );
}
