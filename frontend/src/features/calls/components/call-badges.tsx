import { useTranslation } from "react-i18next";

import type { CallStatus } from "@/features/calls/api/get-calls";

/** The call's status (draft, published, archived) and whether proposals can be submitted now. */
export function CallBadges({ status, submissionOpen }: { status: CallStatus; submissionOpen: boolean }) {
  const { t } = useTranslation("calls");
  return (
    <span className="badges">
      <span className={`badge badge--${status}`} data-call-status={status}>
        {t(`status.${status}`)}
      </span>
      {status === "published" && (
        <span className={`badge ${submissionOpen ? "badge--open" : "badge--closed"}`} data-submission-open={submissionOpen}>
          {submissionOpen ? t("status.open") : t("status.notOpen")}
        </span>
      )}
    </span>
  );
}
