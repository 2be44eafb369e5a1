import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { useMe } from "@/features/auth/api/get-me";
import { AdminOnly } from "@/features/calls/components/admin-only";
import { CallEditPage } from "@/features/calls/components/call-edit-page";
import { CallForm } from "@/features/calls/components/call-form";

/** /calls/new — the admin opens a call (a draft until published). */
export function CallNewRoute() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation("calls");
  const me = useMe();
  return (
    <>
      <title>{`${tc("form.pageTitleNew")} · ${t("app.name")}`}</title>
      <AdminOnly memberships={me.data?.memberships ?? []}>
        <CallForm mode="create" />
      </AdminOnly>
    </>
  );
}

/** /calls/:id/edit — the admin changes a call, saved with If-Match. */
export function CallEditRoute() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation("calls");
  const id = useParams().id ?? "";
  const me = useMe();
  return (
    <>
      <title>{`${tc("form.pageTitleEdit")} · ${t("app.name")}`}</title>
      <AdminOnly memberships={me.data?.memberships ?? []}>
        <CallEditPage key={id} id={id} />
      </AdminOnly>
    </>
  );
}
