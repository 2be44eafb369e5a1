import { useTranslation } from "react-i18next";

import { daysUntil } from "@/features/opportunities/utils/deadline";
import { formatDate } from "@/lib/intl";

/** "31 Dec 2026 (12 days left)", "today", or how long ago it passed. */
export function DeadlineText({ deadline }: { deadline: string }) {
  const { t, i18n } = useTranslation("opportunities");
  const language = i18n.resolvedLanguage ?? "en";
  const days = daysUntil(deadline);
  let left = "";
  if (days !== null) {
    if (days > 0) left = t("deadline.daysLeft", { count: days });
    else if (days === 0) left = t("deadline.today");
    else left = t("deadline.passed", { count: -days });
  }
  return (
    <span className={days !== null && days < 0 ? "opp-deadline opp-deadline--passed" : "opp-deadline"}>
      <time dateTime={deadline}>{formatDate(deadline, language)}</time>
      {left && <span className="opp-deadline__left"> ({left})</span>}
    </span>
  );
}
