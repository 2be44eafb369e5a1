/**
 * Where a notification leads inside the app, or null: only the app's own paths ("/proposals/…"), never another
 * site ("//evil.example", "https://…", "/\\evil.example").
 */
export function notificationPath(link: string | null | undefined): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) return null;
  return link;
}

/** The count as the bell shows it: up to 99, then "99+". */
export function badgeCount(unread: number): string {
  return unread > 99 ? "99+" : String(unread);
}
