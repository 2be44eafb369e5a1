import { useTranslation } from "react-i18next";

import type { StateChange } from "@/features/partnership/api/get-cluster";
import { EscpStateBadge } from "@/features/partnership/components/escp-state-badge";
import { formatDateTime } from "@/lib/intl";

/** The cluster's ESCP-S3 steps, newest first: who, when, from → to, and why. */
export function ClusterHistory({ history }: { history: StateChange[] | null }) {
  const { t, i18n } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  if (history === null) return <p className="muted">{t("history.hidden")}</p>;
  if (history.length === 0) return <p className="panel panel--quiet">{t("history.empty")}</p>;
  const newestFirst = [...history].reverse();
  return (
    <div className="table-scroll">
      <table className="data-table history-table">
        <caption className="visually-hidden">{t("history.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("history.when")}</th>
            <th scope="col">{t("history.who")}</th>
            <th scope="col">{t("history.step")}</th>
            <th scope="col">{t("history.comment")}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((change) => (
            <tr key={`${change.changed_at}-${change.to_state}`}>
              <td>
                <time dateTime={change.changed_at}>{formatDateTime(change.changed_at, language)}</time>
              </td>
              <td>{change.changed_by_name ?? change.changed_by}</td>
              <td>
                <EscpStateBadge state={change.from_state} /> <span aria-hidden="true">→</span>
                <span className="visually-hidden"> {t("history.to")}</span> <EscpStateBadge state={change.to_state} />
              </td>
              <td>{change.comment ?? <span className="muted">{t("history.noComment")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
