import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ME, NOTIFICATIONS } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const LIST = "/api/proposals/me/notifications";
const READ = "/api/proposals/me/notifications/read";

describe("the notifications page", () => {
  it("lists every notification, the unread ones marked, with the unread count announced", async () => {
    renderApp("/notifications");
    const list = await screen.findByRole("list", { name: "Your notifications" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((item) => item.getAttribute("data-read"))).toEqual(["false", "false", "true"]);
    expect(items[0]).toHaveTextContent("Unread:");
    expect(items[0]).toHaveTextContent("You were assigned TEX-ITI1-007 in call TEX4IM-2027-1.");
    expect(within(items[0]!).getByRole("button", { name: "Mark “New proposal to evaluate: TEX-ITI1-007” read" })).toBeInTheDocument();
    expect(within(items[2]!).queryByRole("button")).not.toBeInTheDocument();
    expect(await screen.findByTestId("notification-count")).toHaveTextContent("2 unread notifications");
  });

  it("shows only the unread ones with the filter kept in the address", async () => {
    const { api, user, router } = renderApp("/notifications");
    await screen.findByRole("list", { name: "Your notifications" });
    await user.click(screen.getByRole("checkbox", { name: "Unread only" }));
    await waitFor(() => expect(router.state.location.search).toBe("?unread=1"));
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Your notifications" })).getAllByRole("listitem")).toHaveLength(2));
    expect(api.callsTo("GET", LIST).at(-1)?.search).toContain("unread_only=true");
  });

  it("says what is going on when nothing is unread", async () => {
    const api = createFakeApi();
    api.on(`GET ${LIST}`, () => json({ items: [], next_cursor: null }));
    renderApp("/notifications?unread=1", api);
    expect(await screen.findByText("You are all caught up: no unread notifications.")).toBeInTheDocument();
  });

  it("marks one read, and all read", async () => {
    const { api, user } = renderApp("/notifications");
    await user.click(await screen.findByRole("button", { name: "Mark “Scores diverge on TEX-PT11-003” read" }));
    await waitFor(() => expect(api.callsTo("POST", READ)[0]?.body).toEqual({ ids: [NOTIFICATIONS[1]!.id], all: false }));
    await user.click(screen.getByRole("button", { name: "Mark all read" }));
    await waitFor(() => expect(api.callsTo("POST", READ)[1]?.body).toEqual({ all: true }));
  });

  it("shows the problem's detail when the list cannot be read", async () => {
    const api = createFakeApi();
    api.on(`GET ${LIST}`, () => problem(503, "Unavailable", "The proposals service is restarting."));
    renderApp("/notifications", api);
    expect(await screen.findByText("The proposals service is restarting.")).toBeInTheDocument();
  });
});

describe("the mail log", () => {
  it("lists each e-mail with recipient, subject, status and time, the body behind the subject", async () => {
    const { user } = renderApp("/admin/mail-log");
    const table = await screen.findByRole("table", { name: "E-mails sent or logged by the platform" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute("data-status", "logged");
    expect(rows[0]).toHaveTextContent("evaluator@demo.tex4im.eu");
    expect(rows[0]).toHaveTextContent("Logged");
    expect(rows[1]).toHaveTextContent("Failed");
    expect(rows[1]).toHaveTextContent("Connection refused by the SMTP server");

    const body = rows[0]!.querySelector("pre")!;
    expect(body).not.toBeVisible();
    await user.click(within(rows[0]!).getByText("New proposal to evaluate: TEX-ITI1-007"));
    expect(body).toBeVisible();
    expect(body).toHaveTextContent("Open the workspace to score it.");
    expect(screen.getByText("2 e-mails")).toHaveAttribute("role", "status");
  });

  it("is for the consortium administrator only", async () => {
    const api = createFakeApi({ me: { ...ME, memberships: [{ role: "evaluator", region: null, organisation_id: null }] } });
    renderApp("/admin/mail-log", api);
    expect(await screen.findByText("Only the consortium administrator can see this page.")).toBeInTheDocument();
    expect(api.callsTo("GET", "/api/proposals/mail-log")).toHaveLength(0);
  });
});
