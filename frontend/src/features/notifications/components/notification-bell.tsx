import "@/features/notifications/components/notifications.css";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useLatestNotifications, type Notification } from "@/features/notifications/api/get-notifications";
import { useUnreadCount } from "@/features/notifications/api/get-unread-count";
import { useMarkNotificationsRead } from "@/features/notifications/api/mark-notifications-read";
import { NotificationItem } from "@/features/notifications/components/notification-item";
import { badgeCount } from "@/features/notifications/utils/links";

/**
 * The bell in the header: the unread count (asked every minute and when the window regains focus), and a popover
 * with the latest notifications, "Mark all read" and a link to all of them.
 */
export function NotificationBell() {
  const { t } = useTranslation("evaluation");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const count = useUnreadCount();
  const latest = useLatestNotifications({ enabled: open });
  const mark = useMarkNotificationsRead();
  const unread = count.data ?? 0;

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  function opened(notification: Notification) {
    setOpen(false);
    if (!notification.read) mark.mutate({ ids: [notification.id] });
  }

  return (
    <div className="notification-bell" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="notification-bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t("bell.labelUnread", { count: unread }) : t("bell.label")}
        data-unread-count={unread}
        onClick={() => setOpen((value) => !value)}
      >
        <svg className="notification-bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && (
          <span className="notification-bell__badge" aria-hidden="true">
            {badgeCount(unread)}
          </span>
        )}
      </button>
      <div
        id={panelId}
        className="notification-bell__panel"
        hidden={!open}
        role="region"
        aria-labelledby={headingId}
      >
        <div className="notification-bell__header">
          <h2 id={headingId} className="notification-bell__heading">
            {t("notifications.title")}
          </h2>
          <button
            type="button"
            className="link-button small"
            disabled={unread === 0 || mark.isPending}
            onClick={() => mark.mutate({ all: true })}
          >
            {t("notifications.markAllRead")}
          </button>
        </div>
        {count.isError && <ProblemAlert error={count.error} onRetry={() => void count.refetch()} />}
        {mark.isError && <ProblemAlert error={mark.error} />}
        {open && latest.isPending ? (
          <Loading />
        ) : latest.isError ? (
          <ProblemAlert error={latest.error} onRetry={() => void latest.refetch()} />
        ) : (latest.data ?? []).length === 0 ? (
          <p className="muted small">{t("notifications.emptyAll")}</p>
        ) : (
          <ul className="notification-list" aria-label={t("bell.latest")}>
            {(latest.data ?? []).map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={opened} />
            ))}
          </ul>
        )}
        <p className="notification-bell__footer">
          <Link to="/notifications" onClick={() => setOpen(false)}>
            {t("bell.seeAll")}
          </Link>
        </p>
      </div>
    </div>
  );
}
