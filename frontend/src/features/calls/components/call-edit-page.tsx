import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useCall } from "@/features/calls/api/get-call";
import { CallForm } from "@/features/calls/components/call-form";

/** /calls/:id/edit: the call form filled with the call as it is now. */
export function CallEditPage({ id }: { id: string }) {
  const { t } = useTranslation("calls");
  const query = useCall(id);
  if (query.isPending) {
    return (
      <div className="page calls-ui">
        <Loading />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="page calls-ui">
        <p className="breadcrumb">
          <Link to="/calls">{t("detail.back")}</Link>
        </p>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return <CallForm mode="edit" versioned={query.data} onReload={async () => (await query.refetch()).data} />;
}
