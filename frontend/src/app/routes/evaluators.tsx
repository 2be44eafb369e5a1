import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { EvaluatorPool } from "@/features/evaluation/components/evaluator-pool";
import { RoleOnly } from "@/features/evaluation/components/role-only";
import { isConsortiumAdmin } from "@/features/evaluation/utils/access";

export function EvaluatorsRoute() {
  const { t } = useTranslation();
  const { t: tEvaluation } = useTranslation("evaluation");
  const me = useMe();
  const title = tEvaluation("pool.title");
  return (
    <>
      <title>{`${title} · ${t("app.name")}`}</title>
      <RoleOnly
        allowed={isConsortiumAdmin(me.data?.memberships ?? [])}
        title={title}
        explanation={tEvaluation("access.adminOnly")}
      >
        <EvaluatorPool />
      </RoleOnly>
    </>
  );
}
