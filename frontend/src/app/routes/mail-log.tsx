import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { MailLog } from "@/features/notifications/components/mail-log";
import { isConsortiumAdmin } from "@/features/notifications/utils/access";

export function MailLogRoute() {
  const { t } = useTranslation();
  const { t: tEvaluation } = useTranslation("evaluation");
  const me = useMe();
  const title = tEvaluation("mailLog.title");
  const admin = isConsortiumAdmin(me.data?.memberships ?? []);
  return (
    <>
      <title>{`${title} · ${t("app.name")}`}</title>
      {admin ? (
        <MailLog />
      ) : (
        <div className="page">
          <h1>{title}</h1>
          <p>{tEvaluation("access.adminOnly")}</p>
          <p className="muted">{tEvaluation("access.askAdmin")}</p>
        </div>
      )}
    </>
  );
}
