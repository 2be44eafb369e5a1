import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { useMe } from "@/features/auth/api/get-me";
import { AdminOnly } from "@/features/calls/components/admin-only";
import { PipelinePage } from "@/features/calls/components/pipeline-editor";

/** /calls/:id/pipeline — the admin edits the call's stages and transitions. */
export function CallPipelineRoute() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation("calls");
  const id = useParams().id ?? "";
  const me = useMe();
  return (
    <>
      <title>{`${tc("pipeline.pageTitle")} · ${t("app.name")}`}</title>
      <AdminOnly memberships={me.data?.memberships ?? []}>
        <PipelinePage key={id} id={id} />
      </AdminOnly>
    </>
  );
}
