import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ME, PROPOSAL_IDS, PROPOSAL_ORGANISATIONS, proposalDetail } from "@/testing/data";
import { createFakeApi, json, problem, withHeaders } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

// the first render loads the route's code: slower than the default second on a busy machine
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 8_000 });

const DRAFT = `/api/proposals/proposals/${PROPOSAL_IDS.draft}`;
const LEAD_MEMBER = { ...ME, memberships: [{ role: "member" as const, region: "ITI1", organisation_id: PROPOSAL_IDS.lead }] };
const ES52_MEMBER = {
  ...ME,
  memberships: [{ role: "member" as const, region: "ES52", organisation_id: PROPOSAL_IDS.partnerEs52 }],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function pageApi(me: typeof ME = LEAD_MEMBER) {
  const api = createFakeApi({ me });
  api.on("GET /api/proposals/organisations", (call) => {
    const query = new URLSearchParams(call.search);
    const q = (query.get("q") ?? "").toLowerCase();
    const region = query.get("region");
    return json({
      items: PROPOSAL_ORGANISATIONS.filter(
        (organisation) =>
          organisation.name.toLowerCase().includes(q) && (!region || organisation.region_code === region),
      ),
      next_cursor: null,
    });
  });
  return api;
}

describe("the partners tab", () => {
  it("states the call's partner rule plainly: regions needed, present and waiting", async () => {
    renderApp(`/proposals/${PROPOSAL_IDS.draft}?tab=partners`, pageApi());
    const rule = await screen.findByTestId("partner-rule");
    expect(rule).toHaveAttribute("data-met", "false");
    expect(rule).toHaveTextContent("The partner rule is not met yet.");
    expect(rule).toHaveTextContent("The lead and the confirmed partners must come from at least 2 regions.");
    expect(rule).toHaveTextContent("Now 1 region: Toscana.");
    expect(rule).toHaveTextContent("Waiting for an answer from: Comunitat Valenciana.");
    const partner = screen.getByRole("list", { name: "Partner organisations" }).querySelector("li[data-organisation-id]");
    expect(partner).toHaveAttribute("data-status", "invited");
    expect(partner).toHaveTextContent("Tejidos Demo Valencia");
    expect(partner).toHaveTextContent("Invited");
    expect(partner).toHaveTextContent("Finishing trials");
  });

  it("invites an organisation found by name, with an Idempotency-Key, and refreshes the proposal", async () => {
    const api = pageApi();
    const { user } = renderApp(`/proposals/${PROPOSAL_IDS.draft}?tab=partners`, api);
    const picker = await screen.findByRole("group", { name: "Organisation to invite" });
    await user.type(within(picker).getByLabelText("Name contains"), "fia");
    await waitFor(() => expect(within(picker).getByRole("status")).toHaveTextContent("1 organisation found"));
    // the lead and the organisations already in the proposal cannot be chosen
    await user.clear(within(picker).getByLabelText("Name contains"));
    await waitFor(() => expect(within(picker).getByRole("status")).toHaveTextContent("3 organisations found"));
    expect(within(picker).getByRole("radio", { name: /Lanificio Demo Prato/ })).toBeDisabled();
    expect(within(picker).getByRole("radio", { name: /Tejidos Demo Valencia/ })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Invite" }));
    expect(screen.getByText("Choose the organisation to invite.")).toBeInTheDocument();
    expect(api.callsTo("POST", `${DRAFT}/partners`)).toHaveLength(0);

    await user.click(within(picker).getByRole("radio", { name: /Fiação Demo Norte/ }));
    await user.type(screen.getByLabelText("Its role in the project (optional)"), "Spinning trials");
    const readsBefore = api.callsTo("GET", DRAFT).length;
    await user.click(screen.getByRole("button", { name: "Invite Fiação Demo Norte" }));

    await waitFor(() => expect(api.callsTo("POST", `${DRAFT}/partners`)).toHaveLength(1));
    const [invite] = api.callsTo("POST", `${DRAFT}/partners`);
    expect(invite?.body).toEqual({ organisation_id: PROPOSAL_IDS.partnerPt11, role_description: "Spinning trials" });
    expect(invite?.headers.get("Idempotency-Key")).toMatch(UUID);
    expect(await screen.findByText(/Fiação Demo Norte is invited/)).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo("GET", DRAFT).length).toBeGreaterThan(readsBefore));
    await waitFor(() => expect(api.callsTo("GET", `${DRAFT}/transitions`).length).toBeGreaterThan(1));
  });

  it("removes a partner after asking", async () => {
    const api = pageApi();
    const { user } = renderApp(`/proposals/${PROPOSAL_IDS.draft}?tab=partners`, api);
    await user.click(await screen.findByRole("button", { name: "Remove Tejidos Demo Valencia" }));
    await user.click(screen.getByRole("button", { name: "Yes, remove Tejidos Demo Valencia" }));
    await waitFor(() => expect(api.callsTo("DELETE", `${DRAFT}/partners/${PROPOSAL_IDS.partnerEs52}`)).toHaveLength(1));
  });

  it("offers an invited organisation's member to accept or decline, and says so once answered", async () => {
    const api = pageApi(ES52_MEMBER);
    let answered = false;
    api.on(`GET ${DRAFT}`, () => {
      const detail = proposalDetail({
        permissions: {
          can_edit: false,
          can_manage_partners: false,
          can_answer_invitation: answered ? [] : [PROPOSAL_IDS.partnerEs52],
          transitions: [],
        },
      });
      return withHeaders(json(detail), { ETag: '"4"' });
    });
    api.on(`POST ${DRAFT}/partners/${PROPOSAL_IDS.partnerEs52}/answer`, () => {
      answered = true;
      return json({ ...proposalDetail().partners[0], status: "confirmed" });
    });
    const { user } = renderApp(`/proposals/${PROPOSAL_IDS.draft}`, api);
    const banner = await screen.findByRole("region", { name: "Invitation to join" });
    expect(banner).toHaveTextContent("Tejidos Demo Valencia is invited to join proposal TEX4IM-2027-ITI1-001 as a partner.");
    expect(banner).toHaveTextContent("Finishing trials");
    await user.click(within(banner).getByRole("button", { name: "Accept" }));

    expect(await screen.findByText("You confirmed the participation of Tejidos Demo Valencia.")).toBeInTheDocument();
    expect(api.callsTo("POST", `${DRAFT}/partners/${PROPOSAL_IDS.partnerEs52}/answer`)[0]?.body).toEqual({ accept: true });
    await waitFor(() => expect(screen.queryByRole("region", { name: "Invitation to join" })).not.toBeInTheDocument());
  });
});

describe("the steps out of the stage", () => {
  it("shows what a step still lacks instead of a dead button, with a way to each missing thing", async () => {
    const { user, router } = renderApp(`/proposals/${PROPOSAL_IDS.draft}?tab=timeline`, pageApi());
    const steps = await screen.findByRole("region", { name: "Next steps" });
    await waitFor(() => expect(within(steps).getByTestId("step-blocked")).toBeInTheDocument());
    expect(within(steps).queryByRole("button", { name: "Submit" })).not.toBeInTheDocument();
    const missing = within(steps).getByRole("list", { name: "What Submit still needs" });
    expect(within(missing).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Target market: “Target market” must be answered Go to Target market",
      "Partner organisations: the lead and confirmed partners must come from at least 2 regions (now 1: ITI1) Go to Partner organisations",
    ]);

    await user.click(within(missing).getByRole("button", { name: "Go to Target market" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
    await waitFor(() => expect(screen.getByLabelText("Target market (required to submit)")).toHaveFocus());

    await user.click(within(missing).getByRole("button", { name: "Go to Partner organisations" }));
    await waitFor(() => expect(router.state.location.search).toBe("?tab=partners"));
  });

  it("asks for the comment a step requires, then takes it once with an Idempotency-Key and refreshes", async () => {
    const api = pageApi();
    let stage = "draft";
    api.on(`POST ${DRAFT}/transitions`, () => {
      stage = "withdrawn";
      const detail = proposalDetail({
        stage: { key: "withdrawn", label: "Withdrawn", kind: "terminal", editable: false },
        version: 5,
        permissions: { can_edit: false, can_manage_partners: false, can_answer_invitation: [], transitions: [] },
      });
      return withHeaders(json(detail), { ETag: '"5"' });
    });
    api.on(`GET ${DRAFT}/transitions`, () =>
      json(
        stage === "draft"
          ? {
              stage: { key: "draft", label: "Draft" },
              transitions: [
                {
                  key: "withdraw_draft",
                  label: "Withdraw",
                  to_stage: { key: "withdrawn", label: "Withdrawn" },
                  allowed: true,
                  comment_required: true,
                  guard: null,
                  unmet: [],
                },
              ],
            }
          : { stage: { key: "withdrawn", label: "Withdrawn" }, transitions: [] },
      ),
    );
    const { user, container } = renderApp(`/proposals/${PROPOSAL_IDS.draft}`, api);
    const withdraw = await screen.findByRole("button", { name: "Withdraw" });
    expect(withdraw).toHaveAttribute("data-transition", "withdraw_draft");
    await user.click(withdraw);

    const dialog = screen.getByRole("dialog", { name: "Withdraw: move to Withdrawn" });
    const comment = within(dialog).getByLabelText("Comment (required: say why)");
    expect(comment).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Withdraw" }));
    expect(comment).toHaveAttribute("aria-invalid", "true");
    expect(comment).toHaveAccessibleDescription(/This step needs a comment saying why/);
    expect(api.callsTo("POST", `${DRAFT}/transitions`)).toHaveLength(0);

    await user.type(comment, "The partner left.");
    await user.click(within(dialog).getByRole("button", { name: "Withdraw" }));
    expect(await screen.findByText("The proposal is now: Withdrawn.")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    const [taken] = api.callsTo("POST", `${DRAFT}/transitions`);
    expect(taken?.body).toEqual({ transition: "withdraw_draft", comment: "The partner left." });
    expect(taken?.headers.get("Idempotency-Key")).toMatch(UUID);
    await waitFor(() => expect(container.querySelector(".proposal-page")).toHaveAttribute("data-stage", "withdrawn"));
    await waitFor(() => expect(screen.getByText("There is no step for you to take in this stage.")).toBeInTheDocument());
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
  });

  it("shows the API's refusal and its reasons in the dialog, and closes on Escape", async () => {
    const api = pageApi();
    api.on(`GET ${DRAFT}/transitions`, () =>
      json({
        stage: { key: "draft", label: "Draft" },
        transitions: [
          {
            key: "submit",
            label: "Submit",
            to_stage: { key: "submitted", label: "Submitted" },
            allowed: true,
            comment_required: false,
            guard: "submission_ready",
            unmet: [],
          },
        ],
      }),
    );
    api.on(`POST ${DRAFT}/transitions`, () =>
      problem(409, "This move is not allowed", "'Submit' is not possible yet.", {
        errors: [{ field: "call.submission_phase", message: "submissions are not open: it closed 2026-11-30", code: "submission_closed" }],
      }),
    );
    const { user } = renderApp(`/proposals/${PROPOSAL_IDS.draft}`, api);
    await user.click(await screen.findByRole("button", { name: "Submit" }));
    const dialog = screen.getByRole("dialog", { name: "Submit: move to Submitted" });
    expect(dialog).toHaveTextContent("This freezes version 1");
    expect(within(dialog).getByLabelText("Comment (optional)")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Submit" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("'Submit' is not possible yet.");
    expect(alert).toHaveTextContent("submissions are not open: it closed 2026-11-30");
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Submit" })).toHaveFocus();
  });
});

describe("the versions tab", () => {
  it("lists the frozen versions and renders a comparison field by field, the long texts as a marked word diff", async () => {
    const api = pageApi();
    const { user } = renderApp(`/proposals/${PROPOSAL_IDS.draft}?tab=versions`, api);
    const versions = await screen.findByRole("region", { name: "Submitted versions" });
    expect(within(versions).getAllByRole("listitem").map((item) => item.dataset.version)).toEqual(["1", "2"]);

    await user.selectOptions(screen.getByLabelText("From"), "1");
    await user.selectOptions(screen.getByLabelText("To"), "1");
    await user.click(screen.getByRole("button", { name: "Compare" }));
    expect(screen.getByText("Choose two different versions.")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("To"), "current");
    await user.click(screen.getByRole("button", { name: "Compare" }));
    const comparison = await screen.findByRole("region", { name: "Changes from version 1 to the current draft" });
    expect(new URLSearchParams(api.callsTo("GET", `${DRAFT}/compare`)[0]?.search).toString()).toBe("from=1&to=current");
    expect(within(comparison).getByRole("status")).toHaveTextContent("5 changes");

    const summary = comparison.querySelector('[data-change-field="summary"]') as HTMLElement;
    expect(summary).toHaveAttribute("data-change", "changed");
    expect(summary.querySelectorAll("ins")).toHaveLength(3);
    expect(summary.querySelectorAll("del")).toHaveLength(2);
    expect(summary.querySelector("ins")).toHaveTextContent("[inserted: Sorting and ]");
    expect(summary.querySelector("del")).toHaveTextContent("[deleted: Carding ]");
    expect(summary.textContent).toContain("post-consumer ");

    const budget = comparison.querySelector('[data-change-field="budget_eur"]') as HTMLElement;
    expect(budget).toHaveTextContent("Total budget (EUR) Changed");
    expect(budget).toHaveTextContent("Before: €200,000");
    expect(budget).toHaveTextContent("After: €250,000");
    expect(comparison.querySelector('[data-change-field="priorities"]')).toHaveTextContent("Added");
    expect(comparison.querySelector('[data-change-field="priorities"]')).toHaveTextContent("Circular economy");
    expect(comparison.querySelector('[data-change-field="answers.fibre"]')).toHaveTextContent("Main fibre");
  });
});

describe("the attachments tab", () => {
  it("lists the files with a download link and shows the size limit and accepted types", async () => {
    renderApp(`/proposals/${PROPOSAL_IDS.draft}?tab=attachments`, pageApi());
    const link = await screen.findByRole("link", { name: "budget-2027.xlsx" });
    expect(link).toHaveAttribute(
      "href",
      `/api/proposals/proposals/${PROPOSAL_IDS.draft}/attachments/${PROPOSAL_IDS.attachment}/content`,
    );
    expect(screen.getByTestId("attachment-rules")).toHaveTextContent("At most 20 MB per file. Accepted: PDF, PNG");
    expect(screen.getByRole("row", { name: /budget-2027.xlsx/ })).toHaveTextContent("47 kB");
  });

  it("uploads a file with its kind and shows the API's refusal in words", async () => {
    const api = pageApi();
    api.on(`POST ${DRAFT}/attachments`, () =>
      problem(422, "File type not accepted", "The file's content is a Windows executable; attach a PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS, CSV or TXT file."),
    );
    const { user } = renderApp(`/proposals/${PROPOSAL_IDS.draft}?tab=attachments`, api);
    const file = new File(["MZ"], "annex.pdf", { type: "application/pdf" });
    await user.upload(await screen.findByLabelText("File"), file);
    await user.selectOptions(screen.getByLabelText("What it is"), "letter_of_support");
    await user.click(screen.getByRole("button", { name: "Upload" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The file could not be added");
    expect(alert).toHaveTextContent("The file's content is a Windows executable");
    const [upload] = api.callsTo("POST", `${DRAFT}/attachments`);
    expect(upload?.headers.get("Idempotency-Key")).toMatch(UUID);
  });

  it("refuses a file over 20 MB before sending it", async () => {
    const api = pageApi();
    const { user } = renderApp(`/proposals/${PROPOSAL_IDS.draft}?tab=attachments`, api);
    const file = new File(["x"], "huge.pdf", { type: "application/pdf" });
    Object.defineProperty(file, "size", { value: 21 * 1024 * 1024 });
    await user.upload(await screen.findByLabelText("File"), file);
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(screen.getByLabelText("File")).toHaveAccessibleDescription(/larger than 20 MB/);
    expect(api.callsTo("POST", `${DRAFT}/attachments`)).toHaveLength(0);
  });
});
