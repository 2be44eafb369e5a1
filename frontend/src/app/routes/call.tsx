import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { useMe } from "@/features/auth/api/get-me";
import { useCall } from "@/features/calls/api/get-call";
import { CallDetail } from "@/features/calls/components/call-detail";

/** /calls/:id — a call's phases, rules, rubric, targets and pipeline, and the tools of its staff. */
export function CallRoute() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation("calls");
  const id = useParams().id ?? "";
  const me = useMe();
  const call = useCall(id);
  return (
    <>
      <title>{`${call.data?.call.title ?? tc("list.pageTitle")} · ${t("app.name")}`}</title>
      <CallDetail key={id} id={id} memberships={me.data?.memberships ?? []} />
    </>
  );
}
