import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { CallList } from "@/features/calls/components/call-list";

/** /calls — the calls the user may see; the admin also gets "New call" and the drafts. */
export function CallsRoute() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation("calls");
  const me = useMe();
  return (
    <>
      <title>{`${tc("list.pageTitle")} · ${t("app.name")}`}</title>
      <CallList memberships={me.data?.memberships ?? []} />
    </>
  );
}
