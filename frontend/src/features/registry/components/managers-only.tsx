import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { isRegistryManager, type RegistryMembership } from "@/features/registry/utils/permissions";

type ManagersOnlyProps = { title: string; memberships: readonly RegistryMembership[]; children: ReactNode };

/** Pages for cluster managers and the admin; others get an explanation (the API refuses them anyway). */
export function ManagersOnly({ title, memberships, children }: ManagersOnlyProps) {
  const { t } = useTranslation("registry");
  if (isRegistryManager(memberships)) return children;
  return (
    <div className="page">
      <h1>{title}</h1>
      <p>{t("access.managersOnly")}</p>
      <p className="muted">{t("access.managersOnlyHint")}</p>
    </div>
  );
}
