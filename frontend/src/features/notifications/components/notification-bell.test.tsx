import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { unreadCountQueryOptions, UNREAD_COUNT_INTERVAL_MS } from "@/features/notifications/api/get-unread-count";
import { EVALUATION_IDS, NOTIFICATIONS } from "@/testing/data";
import { createFakeApi, json } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const READ = "/api/proposals/me/notifications/read";
const COUNT = "/api/proposals/me/notifications/unread-count";

/** A fake whose notifications change when marked read, like the API. */
function statefulApi() {
  const api = createFakeApi();
  const read = new Set(NOTIFICATIONS.filter((notification) => notification.read).map((notification) => notification.id));
  const unread = () => NOTIFICATIONS.filter((notification) => !read.has(notification.id)).length;
  api.on(`GET ${COUNT}`, () => json({ unread: unread() }));
  api.on("GET /api/proposals/me/notifications", (call) => {
    const query = new URLSearchParams(call.search);
    const items = NOTIFICATIONS.map((notification) => ({ ...notification, read: read.has(notification.id) }));
    const shown = query.get("unread_only") === "true" ? items.filter((notification) => !notification.read) : items;
    return json({ items: shown.slice(0, Number(query.get("limit") ?? 50)), next_cursor: null });
  });
  api.on(`POST ${READ}`, (call) => {
    const body = call.body as { ids?: string[]; all?: boolean };
    const before = unread();
    for (const notification of NOTIFICATIONS) {
      if (body.all || body.ids?.includes(notification.id)) read.add(notification.id);
    }
    return json({ marked: before - unread(), unread: unread() });
  });
  return api;
}

describe("the notifications bell", () => {
  it("shows the unread count in its name and badge", async () => {
    renderApp("/");
    const bell = await screen.findByRole("button", { name: "Notifications, 2 unread" });
    expect(bell).toHaveAttribute("data-unread-count", "2");
    expect(bell).toHaveTextContent("2");
    expect(bell).toHaveAttribute("aria-expanded", "false");
  });

  it("asks for the count every minute and when the window regains focus", () => {
    const options = unreadCountQueryOptions();
    expect(UNREAD_COUNT_INTERVAL_MS).toBe(60_000);
    expect(options.refetchInterval).toBe(60_000);
    expect(options.refetchOnWindowFocus).toBe(true);
  });

  it("opens a popover with the latest notifications, links into the app only, and closes with Escape", async () => {
    const { user, api } = renderApp("/");
    const bell = await screen.findByRole("button", { name: "Notifications, 2 unread" });
    await user.click(bell);
    expect(bell).toHaveAttribute("aria-expanded", "true");
    const latest = await screen.findByRole("list", { name: "Latest notifications" });
    const items = within(latest).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveAttribute("data-read", "false");
    expect(within(items[0]!).getByRole("link", { name: "New proposal to evaluate: TEX-ITI1-007" })).toHaveAttribute(
      "href",
      `/evaluation/assignments/${EVALUATION_IDS.assignmentOpen}`,
    );
    // a link out of the app is not followed
    expect(within(items[2]!).queryByRole("link")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See all notifications" })).toHaveAttribute("href", "/notifications");
    expect(api.callsTo("GET", "/api/proposals/me/notifications")[0]?.search).toContain("limit=5");

    await user.keyboard("{Escape}");
    expect(bell).toHaveAttribute("aria-expanded", "false");
    expect(bell).toHaveFocus();
  });

  it("marks all read and the count drops to zero", async () => {
    const api = statefulApi();
    const { user } = renderApp("/", api);
    await user.click(await screen.findByRole("button", { name: "Notifications, 2 unread" }));
    await screen.findByRole("list", { name: "Latest notifications" });
    await user.click(screen.getByRole("button", { name: "Mark all read" }));
    expect(await screen.findByRole("button", { name: "Notifications" })).toHaveAttribute("data-unread-count", "0");
    expect(api.callsTo("POST", READ)[0]?.body).toEqual({ all: true });
    await waitFor(() =>
      expect(
        within(screen.getByRole("list", { name: "Latest notifications" }))
          .getAllByRole("listitem")
          .every((item) => item.getAttribute("data-read") === "true"),
      ).toBe(true),
    );
    expect(screen.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  });

  it("marks a notification read when its link is followed", async () => {
    const api = statefulApi();
    const { user, router } = renderApp("/", api);
    await user.click(await screen.findByRole("button", { name: "Notifications, 2 unread" }));
    await user.click(await screen.findByRole("link", { name: "New proposal to evaluate: TEX-ITI1-007" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/evaluation/assignments/${EVALUATION_IDS.assignmentOpen}`));
    expect(api.callsTo("POST", READ)[0]?.body).toEqual({ ids: [NOTIFICATIONS[0]!.id], all: false });
    expect(await screen.findByRole("button", { name: "Notifications, 1 unread" })).toBeInTheDocument();
  });
});
