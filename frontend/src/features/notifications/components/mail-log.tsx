import "@/features/notifications/components/notifications.css";

import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useMailLog } from "@/features/notifications/api/get-mail-log";
import { formatDateTime } from "@/lib/intl";

/** /admin/mail-log (the admin): each e-mail with its recipient, subject, status and time; the body on demand. */
export function MailLog() {
  const { t, i18n } = useTranslation("evaluation");
  const language = i18n.resolvedLanguage ?? "en";
  const log = useMailLog();
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page mail-log">
      <header className="page__header">
        <h1>{t("mailLog.title")}</h1>
        <p className="lead">{t("mailLog.intro")}</p>
      </header>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ProblemAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty-state">{t("mailLog.empty")}</p>
      ) : (
        <>
          <p role="status" aria-live="polite" className="muted">
            {log.hasNextPage ? t("mailLog.countMore", { count: items.length }) : t("mailLog.count", { count: items.length })}
          </p>
          <div className="table-scroll">
            <table className="table mail-table">
              <caption className="visually-hidden">{t("mailLog.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("mailLog.to")}</th>
                  <th scope="col">{t("mailLog.subject")}</th>
                  <th scope="col">{t("mailLog.status")}</th>
                  <th scope="col">{t("mailLog.time")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((message) => (
                  <tr key={message.id} data-mail-id={message.id} data-status={message.status}>
                    <td className="mail-table__to">{message.to_address}</td>
                    <td>
                      <details className="mail-table__message">
                        <summary>{message.subject_line}</summary>
                        <pre className="mail-table__body">{message.body}</pre>
                      </details>
                    </td>
                    <td>
                      <span className="mail-status" data-status={message.status}>
                        {t(`mailLog.statuses.${message.status}`)}
                      </span>
                      {message.error && <p className="field__error small">{message.error}</p>}
                    </td>
                    <td>
                      <time dateTime={message.sent_at ?? message.created_at}>
                        {formatDateTime(message.sent_at ?? message.created_at, language)}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {log.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {log.isFetchingNextPage ? t("common.loadingMore") : t("common.loadMore")}
            </button>
          )}
        </>
      )}
    </div>
  );
}
