import { useTranslation } from "react-i18next";

import { NotificationsPage } from "@/features/notifications/components/notifications-page";

export function NotificationsRoute() {
  const { t } = useTranslation();
  const { t: tEvaluation } = useTranslation("evaluation");
  return (
    <>
      <title>{`${tEvaluation("notifications.title")} · ${t("app.name")}`}</title>
      <NotificationsPage />
    </>
  );
}
