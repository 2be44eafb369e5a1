import "@/features/notifications/components/notifications.css";

import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useNotifications, type Notification } from "@/features/notifications/api/get-notifications";
import { useUnreadCount } from "@/features/notifications/api/get-unread-count";
import { useMarkNotificationsRead } from "@/features/notifications/api/mark-notifications-read";
import { NotificationItem } from "@/features/notifications/components/notification-item";

/** /notifications: every notification, newest first, or the unread ones only (?unread=1); mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation("evaluation");
  const [searchParams, setSearchParams] = useSearchParams();
  const unreadOnly = searchParams.get("unread") === "1";
  const notifications = useNotifications(unreadOnly);
  const count = useUnreadCount();
  const mark = useMarkNotificationsRead();
  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = count.data ?? 0;

  function showUnreadOnly(only: boolean) {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (only) next.set("unread", "1");
        else next.delete("unread");
        return next;
      },
      { replace: true },
    );
  }

  const markOne = (notification: Notification) => mark.mutate({ ids: [notification.id] });

  return (
    <div className="page notifications-page">
      <header className="page__header">
        <h1>{t("notifications.title")}</h1>
        <p className="lead">{t("notifications.intro")}</p>
      </header>
      <div className="notifications-page__tools">
        <label className="choice">
          <input
            type="checkbox"
            name="unread"
            checked={unreadOnly}
            onChange={(event) => showUnreadOnly(event.target.checked)}
          />
          {t("notifications.unreadOnly")}
        </label>
        <button
          type="button"
          className="button button--secondary"
          disabled={unread === 0 || mark.isPending}
          onClick={() => mark.mutate({ all: true })}
        >
          {t("notifications.markAllRead")}
        </button>
      </div>
      <p role="status" aria-live="polite" className="status-line" data-testid="notification-count">
        {count.isSuccess ? t("notifications.unreadCount", { count: unread }) : ""}
      </p>
      {mark.isError && <ProblemAlert error={mark.error} />}
      {notifications.isPending ? (
        <Loading />
      ) : notifications.isError ? (
        <ProblemAlert error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty-state">{unreadOnly ? t("notifications.emptyUnread") : t("notifications.emptyAll")}</p>
      ) : (
        <>
          <ul className="notification-list notification-list--page" aria-label={t("notifications.listLabel")}>
            {items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onOpen={(opened) => {
                  if (!opened.read) markOne(opened);
                }}
                onMarkRead={markOne}
                busy={mark.isPending}
              />
            ))}
          </ul>
          {notifications.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={notifications.isFetchingNextPage}
              onClick={() => void notifications.fetchNextPage()}
            >
              {notifications.isFetchingNextPage ? t("common.loadingMore") : t("common.loadMore")}
            </button>
          )}
        </>
      )}
    </div>
  );
}
