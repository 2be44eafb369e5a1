import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { useMe } from "@/features/auth/api/get-me";
import { AdminOnly } from "@/features/calls/components/admin-only";
import { PanelPage } from "@/features/panel/components/panel-page";

/** /calls/:id/panel — the admin's panel: assignments, evaluation status, ranking and decisions. */
export function CallPanelRoute() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation("calls");
  const id = useParams().id ?? "";
  const me = useMe();
  return (
    <>
      <title>{`${tc("panel.pageTitle")} · ${t("app.name")}`}</title>
      <AdminOnly memberships={me.data?.memberships ?? []}>
        <PanelPage key={id} callId={id} />
      </AdminOnly>
    </>
  );
}
