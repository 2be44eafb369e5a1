import "@/features/proposals/components/proposals.css";

import { useQueries } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useCreateProposal } from "@/features/proposals/api/create-proposal";
import { useCalls } from "@/features/proposals/api/get-calls";
import { organisationNameQueryOptions } from "@/features/proposals/api/get-organisation-name";
import type { OrganisationChoice } from "@/features/proposals/api/search-organisations";
import { OrganisationPicker } from "@/features/proposals/components/organisation-picker";
import { useLabels } from "@/features/proposals/hooks/use-labels";
import {
  isAdmin,
  managedRegions,
  mayCreateProposals,
  memberOrganisations,
  type Membership,
} from "@/features/proposals/utils/access";
import { newIdempotencyKey } from "@/features/proposals/utils/idempotency-key";
import { LIMITS } from "@/features/proposals/utils/proposal-form";
import { formatDate } from "@/lib/intl";
import { ApiProblem } from "@/lib/problem";
import { useRegions } from "@/lib/regions";

/** Moves focus to the first field with a problem, so a keyboard or screen reader user lands on it. */
function focusFirstProblem(field: string | undefined) {
  if (!field) return;
  const scope = `[data-field="${field}"]`;
  document.querySelector<HTMLElement>(`${scope} input:not(:disabled), ${scope} select, ${scope} textarea`)?.focus();
}

type Problems = Partial<Record<"call_id" | "lead_organisation_id" | "title" | "summary", string>>;

/**
 * /proposals/new?call=<id>: an open call, the lead organisation (a member's own is chosen for them; managers
 * search their region's), a title and a summary. The Idempotency-Key is made once per form, so a retried
 * submission never starts two proposals.
 */
export function NewProposalForm({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation("proposals");
  const labels = useLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const calls = useCalls();
  const regions = useRegions();
  const create = useCreateProposal();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const ownIds = memberOrganisations(memberships);
  const own = useQueries({ queries: ownIds.map((id) => organisationNameQueryOptions(id)) });
  const admin = isAdmin(memberships);
  const managed = managedRegions(memberships);
  const searchRegions = admin ? null : managed;
  const mayPickOthers = admin || managed.length > 0;

  const openCalls = (calls.data ?? []).filter((call) => call.submission_open);
  const wanted = params.get("call");
  const [callId, setCallId] = useState<string | null>(null);
  const chosenCall =
    openCalls.find((call) => call.id === callId) ??
    openCalls.find((call) => call.id === wanted) ??
    (openCalls.length === 1 ? openCalls[0] : undefined);
  const [lead, setLead] = useState<OrganisationChoice | null>(null);
  const ownOrganisations = own.flatMap((query) =>
    query.data ? [{ id: query.data.id, name: query.data.name, kind: "", region_code: query.data.region_code }] : [],
  );
  // a member's own organisation is the lead unless they choose another
  const chosenLead = lead ?? (ownIds.length === 1 ? (ownOrganisations[0] ?? null) : null);
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const ids = { call: useId(), title: useId(), summary: useId(), leadError: useId(), heading: useId() };

  const serverProblems: Problems = {};
  if (create.error instanceof ApiProblem && create.error.status === 422) {
    for (const [field, message] of Object.entries(create.error.fieldErrors)) {
      serverProblems[field as keyof Problems] = message;
    }
  }
  const shown: Problems = { ...serverProblems, ...problems };

  if (!mayCreateProposals(memberships)) {
    return (
      <div className="page proposals-page">
        <h1>{t("create.title")}</h1>
        <div className="panel panel--quiet proposals-empty">
          <p>{t("create.notAllowed")}</p>
          <Link to="/proposals">{t("create.backToList")}</Link>
        </div>
      </div>
    );
  }

  function submit() {
    const found: Problems = {};
    if (!chosenCall) found.call_id = t("create.problems.call");
    if (!chosenLead) found.lead_organisation_id = t("create.problems.lead");
    if (!title.trim()) found.title = t("editor.problems.required");
    else if (title.trim().length > LIMITS.title) found.title = t("editor.problems.tooLong", { max: LIMITS.title });
    if (summary.trim().length > LIMITS.summary) found.summary = t("editor.problems.tooLong", { max: LIMITS.summary });
    setProblems(found);
    if (Object.keys(found).length > 0 || !chosenCall || !chosenLead) {
      focusFirstProblem(Object.keys(found)[0]);
      return;
    }
    create.mutate(
      {
        idempotencyKey,
        body: {
          call_id: chosenCall.id,
          lead_organisation_id: chosenLead.id,
          title: title.trim(),
          summary: summary.trim(),
        },
      },
      { onSuccess: (created) => void navigate(`/proposals/${created.proposal.id}`) },
    );
  }

  const submission = chosenCall?.phases.find((phase) => phase.kind === "submission");

  return (
    <div className="page proposals-page">
      <div className="page__header">
        <p className="back-link">
          <Link to="/proposals">{t("create.backToList")}</Link>
        </p>
        <h1 id={ids.heading}>{t("create.title")}</h1>
        <p className="lead">{t("create.intro")}</p>
      </div>

      {calls.isPending && <Loading />}
      {calls.isError && <ProblemAlert error={calls.error} onRetry={() => void calls.refetch()} />}
      {calls.data && openCalls.length === 0 && (
        <div className="panel panel--quiet proposals-empty" data-testid="no-open-call">
          <p>{t("create.noOpenCall")}</p>
          <Link to="/calls">{t("create.seeCalls")}</Link>
        </div>
      )}

      {openCalls.length > 0 && (
        <form
          className="form panel new-proposal-form"
          aria-labelledby={ids.heading}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {create.isError && <ProblemAlert error={create.error} title={t("create.failed")} />}

          <div className="field" data-field="call_id">
            <label htmlFor={ids.call}>{t("create.call")}</label>
            <select
              id={ids.call}
              className="select"
              value={chosenCall?.id ?? ""}
              aria-invalid={shown.call_id ? true : undefined}
              aria-describedby={shown.call_id ? `${ids.call}-error` : `${ids.call}-hint`}
              onChange={(event) => setCallId(event.target.value || null)}
            >
              {!chosenCall && <option value="">{t("create.chooseCall")}</option>}
              {openCalls.map((call) => (
                <option key={call.id} value={call.id}>
                  {`${call.code} · ${call.title}`}
                </option>
              ))}
            </select>
            {submission && (
              <p id={`${ids.call}-hint`} className="field__hint">
                {t("create.closes", { date: formatDate(submission.closes_at, labels.language) })}
              </p>
            )}
            {shown.call_id && (
              <p id={`${ids.call}-error`} className="field__error">
                {shown.call_id}
              </p>
            )}
          </div>

          <div className="field" data-field="lead_organisation_id">
            {ownIds.length > 0 && (
              <fieldset
                className="organisation-picker"
                aria-describedby={shown.lead_organisation_id ? ids.leadError : undefined}
              >
                <legend>{mayPickOthers ? t("create.ownOrganisation") : t("create.lead")}</legend>
                {own.some((query) => query.isPending) && <Loading />}
                {own.map(
                  (query, index) =>
                    query.isError && (
                      <ProblemAlert key={ownIds[index]} error={query.error} onRetry={() => void query.refetch()} />
                    ),
                )}
                <ul className="organisation-picker__results">
                  {ownOrganisations.map((organisation) => (
                    <li key={organisation.id} data-organisation-id={organisation.id}>
                      <label className="organisation-picker__option">
                        <input
                          type="radio"
                          name="lead"
                          value={organisation.id}
                          checked={chosenLead?.id === organisation.id}
                          onChange={() => setLead(organisation)}
                        />
                        <span>
                          <span className="organisation-picker__name">{organisation.name}</span>{" "}
                          <span className="muted small">{labels.region(organisation.region_code)}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
            {mayPickOthers && (
              <OrganisationPicker
                legend={ownIds.length > 0 ? t("create.otherLead") : t("create.lead")}
                name="lead"
                regions={searchRegions}
                allRegions={(regions.data ?? []).map((region) => region.code)}
                selected={chosenLead}
                onSelect={setLead}
                labels={labels}
                describedBy={shown.lead_organisation_id ? ids.leadError : undefined}
                invalid={Boolean(shown.lead_organisation_id)}
              />
            )}
            {shown.lead_organisation_id && (
              <p id={ids.leadError} className="field__error">
                {shown.lead_organisation_id}
              </p>
            )}
          </div>

          <div className="field" data-field="title">
            <label htmlFor={ids.title}>{t("fields.title")}</label>
            <input
              id={ids.title}
              className="input"
              required
              maxLength={LIMITS.title}
              value={title}
              aria-invalid={shown.title ? true : undefined}
              aria-describedby={shown.title ? `${ids.title}-error` : undefined}
              onChange={(event) => setTitle(event.target.value)}
            />
            {shown.title && (
              <p id={`${ids.title}-error`} className="field__error">
                {shown.title}
              </p>
            )}
          </div>

          <div className="field" data-field="summary">
            <label htmlFor={ids.summary}>{t("fields.summary")}</label>
            <textarea
              id={ids.summary}
              className="textarea"
              rows={6}
              value={summary}
              aria-invalid={shown.summary ? true : undefined}
              aria-describedby={shown.summary ? `${ids.summary}-error` : `${ids.summary}-hint`}
              onChange={(event) => setSummary(event.target.value)}
            />
            <p id={`${ids.summary}-hint`} className="field__hint">
              {t("create.summaryHint")}
            </p>
            {shown.summary && (
              <p id={`${ids.summary}-error`} className="field__error">
                {shown.summary}
              </p>
            )}
          </div>

          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {create.isPending ? t("create.creating") : t("create.submit")}
            </button>
            <Link to="/proposals" className="button button--secondary">
              {t("common.cancel")}
            </Link>
          </div>
        </form>
      )}
    </div>
  );
}
