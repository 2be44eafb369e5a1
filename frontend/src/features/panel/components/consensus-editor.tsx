import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { problemMessage } from "@/components/problem-alert";
import { useFinaliseConsensus } from "@/features/panel/api/finalise-consensus";
import type { Evaluation } from "@/features/panel/api/get-evaluation";
import type { PanelCriterion } from "@/features/panel/api/get-panel-call";
import { consensusEtag, useSaveConsensus } from "@/features/panel/api/save-consensus";
import { belowThreshold, HALF_STEPS, halfStep, passes, weightedTotal } from "@/features/panel/utils/consensus";
import { problemsByPath, problemStatus } from "@/features/panel/utils/problems";
import { formatDateTime, formatDecimal } from "@/lib/intl";

type Props = {
  evaluation: Evaluation;
  criteria: readonly PanelCriterion[];
  overallThreshold: string;
  /** Fetches the evaluation afresh (after a 412) and resolves to it. */
  onReload: () => Promise<Evaluation | undefined>;
};

type Draft = { values: Record<string, string>; comments: Record<string, string>; summary: string };

/** The consensus as written, or the suggestion (each criterion's mean to the nearest half) before it is. */
function draftOf(evaluation: Evaluation, criteria: readonly PanelCriterion[]): Draft {
  const consensus = evaluation.consensus.consensus;
  const values: Record<string, string> = {};
  const comments: Record<string, string> = {};
  for (const criterion of criteria) {
    const line = consensus?.scores.find((item) => item.criterion === criterion.key);
    values[criterion.key] = line ? halfStep(line.value) : halfStep(evaluation.consensus.suggested[criterion.key] ?? null);
    comments[criterion.key] = line?.comment ?? "";
  }
  return { values, comments, summary: consensus?.summary ?? "" };
}

const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The admin's consensus: agreed scores prefilled from the suggestion, a comment per criterion and a summary,
 * the weighted total and pass/fail as they are edited; saved with If-Match, then finalised once ready.
 */
export function ConsensusEditor({ evaluation, criteria, overallThreshold, onReload }: Props) {
  const { t, i18n } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const id = useId();
  const language = i18n.language;
  const view = evaluation.consensus;
  const consensus = view.consensus;
  const [draft, setDraft] = useState<Draft>(() => draftOf(evaluation, criteria));
  const [notice, setNotice] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const save = useSaveConsensus(evaluation.proposal.id);
  const finalise = useFinaliseConsensus(evaluation.proposal.id);
  const dirty = !sameDraft(draft, draftOf(evaluation, criteria));
  const rubric = criteria.map((criterion) => ({ key: criterion.key, weight: criterion.weight, threshold: criterion.threshold }));
  const total = weightedTotal(rubric, draft.values);
  const passed = passes(rubric, draft.values, overallThreshold);
  const missing = belowThreshold(rubric, draft.values);
  const error = save.error ?? finalise.error;
  const stale = problemStatus(error) === 412;
  const problems = problemsByPath(save.error);
  const problemFor = (key: string, index: number) => problems[`scores.${key}`] ?? problems[`scores.${index}.criterion`] ?? problems[`scores.${index}.value`];

  if (!view.editable) {
    return <ConsensusReadOnly evaluation={evaluation} criteria={criteria} />;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    finalise.reset();
    save.mutate(
      {
        etag: consensus ? consensusEtag(consensus.version) : null,
        body: {
          scores: criteria.map((criterion) => ({
            criterion: criterion.key,
            value: draft.values[criterion.key] ? draft.values[criterion.key] : null,
            comment: draft.comments[criterion.key]?.trim() ?? "",
          })),
          summary: draft.summary.trim(),
        },
      },
      {
        onSuccess: (saved) => {
          setNotice(saved.consensus?.finalised ? t("consensus.savedFinal") : t("consensus.saved"));
          setDraft(draftOf({ ...evaluation, consensus: saved }, criteria));
        },
      },
    );
  }

  function runFinalise() {
    if (!consensus) return;
    setNotice(null);
    save.reset();
    finalise.mutate(consensusEtag(consensus.version), { onSuccess: () => setNotice(t("consensus.finalisedNow")) });
  }

  async function reload() {
    setReloading(true);
    const fresh = await onReload();
    setReloading(false);
    if (!fresh) return;
    setDraft(draftOf(fresh, criteria));
    save.reset();
    finalise.reset();
    setNotice(t("consensus.reloaded"));
  }

  const canFinalise = Boolean(consensus) && !dirty && evaluation.readiness.ready && !consensus?.finalised;
  const state = !consensus
    ? t("consensus.stateNew")
    : consensus.finalised && consensus.finalised_at
      ? t("consensus.stateFinal", { when: formatDateTime(consensus.finalised_at, language) })
      : t("consensus.stateDraft");

  return (
    <form className="stack consensus-editor" onSubmit={handleSubmit} aria-labelledby="evaluation-consensus" noValidate>
      <p className="muted" data-testid="consensus-state" data-finalised={consensus?.finalised ?? false}>
        {state}
      </p>
      {notice && (
        <p role="status" className="alert alert--success">
          {notice}
        </p>
      )}
      {error !== null && (
        <div role="alert" className="alert alert--error">
          <p className="alert__title">
            {stale ? t("consensus.staleTitle") : finalise.isError ? t("consensus.finaliseFailed") : t("consensus.saveFailed")}
          </p>
          <p className="alert__body">{problemMessage(error, tc("status.networkError"))}</p>
          {stale && (
            <button type="button" className="button button--secondary" disabled={reloading} onClick={() => void reload()}>
              {reloading ? t("consensus.reloading") : t("consensus.reload")}
            </button>
          )}
        </div>
      )}
      <div className="table-scroll">
        <table className="data-table consensus-table">
          <caption className="visually-hidden">{t("consensus.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rubric.criterion")}</th>
              <th scope="col" className="numeric">
                {t("consensus.suggested")}
              </th>
              <th scope="col">{t("consensus.agreed")}</th>
              <th scope="col">{t("consensus.comment")}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion, index) => {
              const suggested = view.suggested[criterion.key] ?? null;
              const problem = problemFor(criterion.key, index);
              const below = missing.includes(criterion.key);
              return (
                <tr key={criterion.key} data-criterion={criterion.key} data-below={below}>
                  <th scope="row">
                    {criterion.title}{" "}
                    <span className="muted small">
                      {t("evaluation.threshold", { value: formatDecimal(criterion.threshold, language, 2) })}
                    </span>
                    {below && <span className="badge badge--failed">{t("consensus.below")}</span>}
                  </th>
                  <td className="numeric">{suggested === null ? "—" : formatDecimal(suggested, language, 2)}</td>
                  <td>
                    <select
                      aria-label={t("consensus.scoreFor", { criterion: criterion.title })}
                      name={`score-${criterion.key}`}
                      value={draft.values[criterion.key] ?? ""}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `${id}-${criterion.key}-error` : undefined}
                      onChange={(event) =>
                        setDraft((current) => ({ ...current, values: { ...current.values, [criterion.key]: event.target.value } }))
                      }
                    >
                      <option value="">{t("consensus.noScore")}</option>
                      {HALF_STEPS.map((step) => (
                        <option key={step} value={step}>
                          {formatDecimal(step, language, 1)}
                        </option>
                      ))}
                    </select>
                    {problem && (
                      <p id={`${id}-${criterion.key}-error`} className="field__error">
                        {problem}
                      </p>
                    )}
                  </td>
                  <td>
                    <textarea
                      aria-label={t("consensus.commentFor", { criterion: criterion.title })}
                      rows={2}
                      value={draft.comments[criterion.key] ?? ""}
                      onChange={(event) =>
                        setDraft((current) => ({
                          ...current,
                          comments: { ...current.comments, [criterion.key]: event.target.value },
                        }))
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>{t("consensus.summary")}</label>
        <textarea
          id={`${id}-summary`}
          rows={4}
          value={draft.summary}
          aria-invalid={problems.summary ? true : undefined}
          onChange={(event) => setDraft((current) => ({ ...current, summary: event.target.value }))}
        />
        {problems.summary && <p className="field__error">{problems.summary}</p>}
      </div>
      <p className="totals" role="status" aria-live="polite" data-testid="live-total" data-passed={passed ?? ""}>
        <span>
          {t("consensus.total")} <strong>{formatDecimal(total.toFixed(2), language, 2)}</strong>
        </span>
        <span>
          {passed === null
            ? t("consensus.incomplete")
            : passed
              ? t("consensus.passes", { value: formatDecimal(overallThreshold, language, 2) })
              : t("consensus.fails", { value: formatDecimal(overallThreshold, language, 2) })}
        </span>
      </p>
      <div className="toolbar">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t("consensus.saving") : t("consensus.save")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={!canFinalise || finalise.isPending}
          aria-describedby={`${id}-finalise-hint`}
          onClick={runFinalise}
        >
          {t("consensus.finalise")}
        </button>
      </div>
      <p id={`${id}-finalise-hint`} className="field__hint">
        {consensus?.finalised
          ? t("consensus.hintFinal")
          : !consensus
            ? t("consensus.hintSaveFirst")
            : dirty
              ? t("consensus.hintUnsaved")
              : !evaluation.readiness.ready
                ? t("consensus.hintNotReady")
                : t("consensus.hintReady")}
      </p>
    </form>
  );
}

function ConsensusReadOnly({ evaluation, criteria }: { evaluation: Evaluation; criteria: readonly PanelCriterion[] }) {
  const { t, i18n } = useTranslation("calls");
  const consensus = evaluation.consensus.consensus;
  const language = i18n.language;
  if (!consensus) return <p className="muted">{t("consensus.none")}</p>;
  return (
    <div className="stack">
      <p className="muted" data-testid="consensus-state" data-finalised={consensus.finalised}>
        {consensus.finalised && consensus.finalised_at
          ? t("consensus.stateFinal", { when: formatDateTime(consensus.finalised_at, language) })
          : t("consensus.stateDraft")}
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t("consensus.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rubric.criterion")}</th>
              <th scope="col" className="numeric">
                {t("consensus.agreed")}
              </th>
              <th scope="col">{t("consensus.comment")}</th>
            </tr>
          </thead>
          <tbody>
            {consensus.scores.map((line) => (
              <tr key={line.criterion} data-criterion={line.criterion}>
                <th scope="row">
                  {criteria.find((criterion) => criterion.key === line.criterion)?.title ?? line.title}
                  {!line.passed && <span className="badge badge--failed">{t("consensus.below")}</span>}
                </th>
                <td className="numeric">{formatDecimal(line.value, language, 2)}</td>
                <td>{line.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {consensus.summary && <p>{consensus.summary}</p>}
      <p className="totals">
        <span>
          {t("consensus.total")} <strong>{formatDecimal(consensus.total, language, 2)}</strong>
        </span>
        <span>
          {consensus.passed
            ? t("consensus.passes", { value: formatDecimal(consensus.overall_threshold, language, 2) })
            : t("consensus.fails", { value: formatDecimal(consensus.overall_threshold, language, 2) })}
        </span>
      </p>
    </div>
  );
}
