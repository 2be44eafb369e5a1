import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { Notification } from "@/features/notifications/api/get-notifications";
import { notificationPath } from "@/features/notifications/utils/links";
import { formatDateTime, formatRelativeTime } from "@/lib/intl";

type NotificationItemProps = {
  notification: Notification;
  /** Runs when the notification's link is followed (mark it read, close the popover). */
  onOpen: (notification: Notification) => void;
  /** Shows a "Mark read" button on an unread notification. */
  onMarkRead?: (notification: Notification) => void;
  busy?: boolean;
};

/** One notification: its title (a link into the app when it has one), what happened, when, and whether it is new. */
export function NotificationItem({ notification, onOpen, onMarkRead, busy }: NotificationItemProps) {
  const { t, i18n } = useTranslation("evaluation");
  const language = i18n.resolvedLanguage ?? "en";
  const path = notificationPath(notification.link);
  return (
    <li
      className="notification"
      data-notification-id={notification.id}
      data-read={String(notification.read)}
      data-kind={notification.kind}
    >
      <p className="notification__title">
        {!notification.read && (
          <>
            <span className="notification__dot" aria-hidden="true" />
            <span className="visually-hidden">{t("notifications.unread")} </span>
          </>
        )}
        {path ? (
          <Link to={path} onClick={() => onOpen(notification)}>
            {notification.title}
          </Link>
        ) : (
          <strong>{notification.title}</strong>
        )}
      </p>
      {notification.body && <p className="notification__body">{notification.body}</p>}
      <p className="notification__meta small muted">
        <time dateTime={notification.created_at} title={formatDateTime(notification.created_at, language)}>
          {formatRelativeTime(notification.created_at, language)}
        </time>
      </p>
      {onMarkRead && !notification.read && (
        <button
          type="button"
          className="link-button small"
          disabled={busy}
          aria-label={t("notifications.markReadNamed", { title: notification.title })}
          onClick={() => onMarkRead(notification)}
        >
          {t("notifications.markRead")}
        </button>
      )}
    </li>
  );
}
