import { useTranslation } from "react-i18next";

import { isPast, urgencyOf } from "@/features/evaluation/utils/due-date";
import { formatDateTime, formatRelativeTime } from "@/lib/intl";

/** "Due 31 Dec 2026, 23:59 (in 37 days)", or "Was due … (2 days ago)" once passed; both the date and the distance. */
export function DueDate({ dueAt, submitted = false }: { dueAt: string | null; submitted?: boolean }) {
  const { t, i18n } = useTranslation("evaluation");
  const language = i18n.resolvedLanguage ?? "en";
  if (!dueAt) return <span className="due-date muted">{t("due.none")}</span>;
  const urgency = urgencyOf(dueAt, undefined, submitted);
  const values = { date: formatDateTime(dueAt, language), relative: formatRelativeTime(dueAt, language) };
  return (
    <span className="due-date" data-urgency={urgency}>
      <time dateTime={dueAt}>{t(isPast(dueAt) ? "due.overdue" : "due.due", values)}</time>
    </span>
  );
}
