import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type RoleOnlyProps = { allowed: boolean; title: string; explanation: string; children: ReactNode };

/** A page for one role; others read why they cannot use it (the API refuses them anyway). */
export function RoleOnly({ allowed, title, explanation, children }: RoleOnlyProps) {
  const { t } = useTranslation("evaluation");
  if (allowed) return children;
  return (
    <div className="page">
      <h1>{title}</h1>
      <p>{explanation}</p>
      <p className="muted">{t("access.askAdmin")}</p>
    </div>
  );
}
