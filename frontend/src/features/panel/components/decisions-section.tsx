import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert, problemMessage } from "@/components/problem-alert";
import { useDecisions, type Decision } from "@/features/panel/api/get-decisions";
import type { PanelCall } from "@/features/panel/api/get-panel-call";
import type { Outcome } from "@/features/panel/api/get-ranking";
import { useOverrideDecision } from "@/features/panel/api/override-decision";
import { useReleaseDecisions } from "@/features/panel/api/release-decisions";
import { useStageDecisions } from "@/features/panel/api/stage-decisions";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { problemsByPath } from "@/features/panel/utils/problems";
import { outcomeCounts } from "@/features/panel/utils/staffing";
import { formatDateTime, formatDecimal } from "@/lib/intl";

const OUTCOMES: Outcome[] = ["selected", "reserve", "rejected"];

/** (d) Decisions: staged from the ranking, overridden one by one with a note, then released once. */
export function DecisionsSection({ call }: { call: PanelCall }) {
  const { t, i18n } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const decisions = useDecisions(call.id);
  const stage = useStageDecisions(call.id);
  const release = useReleaseDecisions(call.id);
  const [confirming, setConfirming] = useState(false);
  const [releaseKey, setReleaseKey] = useState<string>(() => crypto.randomUUID());
  const [message, setMessage] = useState<string | null>(null);

  const items = decisions.data?.items ?? [];
  const releasedAt = decisions.data?.released_at ?? null;
  const counts = outcomeCounts(items);

  function stageFromRanking() {
    setMessage(null);
    stage.mutate(undefined, { onSuccess: (list) => setMessage(t("decisions.staged", { count: list.items.length })) });
  }

  function confirmRelease() {
    release.mutate(releaseKey, {
      onSuccess: () => {
        setConfirming(false);
        setMessage(t("decisions.releasedNow"));
      },
      onError: () => {
        setConfirming(false);
        setReleaseKey(crypto.randomUUID());
      },
    });
  }

  return (
    <section id="panel-decisions" className="panel section" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t("decisions.title")}</h2>
      {decisions.isPending && <Loading />}
      {decisions.isError && <ProblemAlert error={decisions.error} onRetry={() => void decisions.refetch()} />}
      {decisions.isSuccess && (
        <div className="stack">
          {message && (
            <p role="status" className="alert alert--success">
              {message}
            </p>
          )}
          {releasedAt ? (
            <p className="alert alert--info" data-testid="released">
              {t("decisions.released", { when: formatDateTime(releasedAt, i18n.language) })}
            </p>
          ) : (
            <>
              <p className="muted">{items.length > 0 ? t("decisions.introStaged") : t("decisions.intro")}</p>
              <div className="toolbar">
                <button type="button" className="button button--secondary" disabled={stage.isPending} onClick={stageFromRanking}>
                  {items.length > 0 ? t("decisions.restage") : t("decisions.stage")}
                </button>
                {items.length > 0 && (
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={release.isPending}
                    onClick={() => {
                      setMessage(null);
                      release.reset();
                      setConfirming(true);
                    }}
                  >
                    {t("decisions.release")}
                  </button>
                )}
              </div>
            </>
          )}
          {(stage.isError || release.isError) && (
            <div role="alert" className="alert alert--error">
              <p className="alert__title">{stage.isError ? t("decisions.stageFailed") : t("decisions.releaseFailed")}</p>
              <p className="alert__body">{problemMessage(stage.error ?? release.error, tc("status.networkError"))}</p>
            </div>
          )}
          {items.length === 0 ? (
            !releasedAt && <p className="panel panel--quiet">{t("decisions.none")}</p>
          ) : (
            <>
              <p className="totals" data-testid="decision-counts">
                {t("decisions.counts", { selected: counts.selected, reserve: counts.reserve, rejected: counts.rejected })}
              </p>
              <div className="table-scroll">
                <table className="data-table">
                  <caption className="visually-hidden">{t("decisions.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("ranking.proposal")}</th>
                      <th scope="col" className="numeric">
                        {t("ranking.rank")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("ranking.total")}
                      </th>
                      <th scope="col">{t("ranking.outcome")}</th>
                      <th scope="col">{t("decisions.note")}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t("staffing.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((decision) => (
                      <DecisionRow key={decision.proposal.id} callId={call.id} decision={decision} editable={!releasedAt} />
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t("decisions.confirmTitle", { code: call.code })}
          confirmLabel={release.isPending ? t("decisions.releasing") : t("decisions.confirm")}
          cancelLabel={t("decisions.cancel")}
          busy={release.isPending}
          onConfirm={confirmRelease}
          onCancel={() => setConfirming(false)}
        >
          <p>{t("decisions.confirmCounts", { selected: counts.selected, reserve: counts.reserve, rejected: counts.rejected })}</p>
          <p>{t("decisions.confirmBody")}</p>
          <p>
            <strong>{t("decisions.confirmFinal")}</strong>
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function DecisionRow({ callId, decision, editable }: { callId: string; decision: Decision; editable: boolean }) {
  const { t, i18n } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const formId = useId();
  const override = useOverrideDecision(callId);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(decision.outcome);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const language = i18n.language;
  const apiProblems = problemsByPath(override.error);
  const noteProblem = noteError ?? apiProblems.note;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!note.trim()) {
      setNoteError(t("decisions.noteRequired"));
      return;
    }
    setNoteError(null);
    override.mutate(
      { proposalId: decision.proposal.id, body: { outcome, note: note.trim() } },
      {
        onSuccess: () => {
          setOpen(false);
          setNote("");
        },
      },
    );
  }

  return (
    <>
      <tr data-proposal-id={decision.proposal.id} data-outcome={decision.outcome}>
        <th scope="row">
          {decision.proposal.reference} <span className="muted small">{decision.proposal.title}</span>
        </th>
        <td className="numeric">{decision.rank ?? "—"}</td>
        <td className="numeric">{decision.total === null ? "—" : formatDecimal(decision.total, language, 2)}</td>
        <td>
          <span className={`badge badge--${decision.outcome}`}>{t(`outcome.${decision.outcome}`)}</span>
        </td>
        <td className="small">
          {decision.note}
          <span className="muted">
            {" "}
            {decision.released_at
              ? t("decisions.releasedOn", { when: formatDateTime(decision.released_at, language) })
              : t("decisions.stagedOn", { when: formatDateTime(decision.staged_at, language) })}
          </span>
        </td>
        <td>
          {editable && !open && (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t("decisions.overrideNamed", { reference: decision.proposal.reference })}
              onClick={() => setOpen(true)}
            >
              {t("decisions.override")}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr className="decision-override">
          <td colSpan={6}>
            <form className="form-grid" onSubmit={handleSubmit} aria-label={t("decisions.overrideLabel", { reference: decision.proposal.reference })} noValidate>
              <div className="field">
                <label htmlFor={`${formId}-outcome`}>{t("decisions.newOutcome")}</label>
                <select
                  id={`${formId}-outcome`}
                  value={outcome}
                  onChange={(event) => setOutcome(OUTCOMES.find((item) => item === event.target.value) ?? outcome)}
                >
                  {OUTCOMES.map((item) => (
                    <option key={item} value={item}>
                      {t(`outcome.${item}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${formId}-note`}>{t("decisions.noteLabel")}</label>
                <textarea
                  id={`${formId}-note`}
                  rows={2}
                  value={note}
                  aria-invalid={noteProblem ? true : undefined}
                  aria-describedby={noteProblem ? `${formId}-note-error` : undefined}
                  onChange={(event) => setNote(event.target.value)}
                />
                {noteProblem && (
                  <p id={`${formId}-note-error`} className="field__error">
                    {noteProblem}
                  </p>
                )}
              </div>
              {override.isError && !apiProblems.note && (
                <p role="alert" className="field__error">
                  {problemMessage(override.error, tc("status.networkError"))}
                </p>
              )}
              <div className="toolbar">
                <button type="submit" className="button button--primary button--small" disabled={override.isPending}>
                  {t("decisions.saveOverride")}
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setOpen(false);
                    override.reset();
                  }}
                >
                  {t("decisions.cancel")}
                </button>
              </div>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
