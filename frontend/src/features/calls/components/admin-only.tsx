import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { isCallAdmin, type CallsMembership } from "@/features/calls/utils/permissions";

/** The page for the consortium admin; everyone else reads why they cannot use it. */
export function AdminOnly({ memberships, children }: { memberships: readonly CallsMembership[]; children: ReactNode }) {
  const { t } = useTranslation("calls");
  if (isCallAdmin(memberships)) return <>{children}</>;
  return (
    <div className="page calls-ui">
      <h1>{t("adminOnly.title")}</h1>
      <p role="alert" className="alert alert--info">
        {t("adminOnly.body")}
      </p>
      <p>
        <Link to="/calls">{t("detail.back")}</Link>
      </p>
    </div>
  );
}
