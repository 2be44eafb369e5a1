import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { EvaluatorProfilePage } from "@/features/evaluation/components/evaluator-profile-page";
import { RoleOnly } from "@/features/evaluation/components/role-only";
import { isEvaluator } from "@/features/evaluation/utils/access";

export function EvaluatorProfileRoute() {
  const { t } = useTranslation();
  const { t: tEvaluation } = useTranslation("evaluation");
  const me = useMe();
  const title = tEvaluation("profile.title");
  return (
    <>
      <title>{`${title} · ${t("app.name")}`}</title>
      <RoleOnly
        allowed={isEvaluator(me.data?.memberships ?? [])}
        title={title}
        explanation={tEvaluation("access.evaluatorsOnly")}
      >
        <EvaluatorProfilePage />
      </RoleOnly>
    </>
  );
}
