import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useBeforeUnload } from "react-router";

import { problemMessage, ProblemAlert } from "@/components/problem-alert";
import type { AssignmentDetail } from "@/features/evaluation/api/get-assignment";
import { useSaveScores } from "@/features/evaluation/api/save-scores";
import { useSubmitReview } from "@/features/evaluation/api/submit-review";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ReviewResult } from "@/features/evaluation/components/review-result";
import { ScorePicker } from "@/features/evaluation/components/score-picker";
import {
  commentRequired,
  draftFromReview,
  draftToBody,
  draftValues,
  problemsByCriterion,
  reachesThreshold,
  reviewPasses,
  sameDraft,
  saveProblems,
  sharePercent,
  submissionProblems,
  weightedTotal,
  type ReviewDraft,
  type ScoreProblem,
} from "@/features/evaluation/utils/scores";
import { formatDecimal, formatNumber } from "@/lib/intl";
import { ApiProblem } from "@/lib/problem";

type ReviewFormProps = {
  assignment: AssignmentDetail;
  etag: string;
  /** Fetches the saved review again (after a 412); the form then starts over from it. */
  onReload: () => Promise<AssignmentDetail | undefined>;
  onSubmitted: () => void;
};

const MAX_COMMENT = 5000;
const MAX_OVERALL = 20_000;

/**
 * The score sheet: per criterion a score (0–5 in half steps) and a comment, required below the threshold; an overall
 * comment. Save sends the whole review with If-Match and shows the server's total; Submit asks first, then sends.
 */
export function ReviewForm({ assignment, etag, onReload, onSubmitted }: ReviewFormProps) {
  const { t, i18n } = useTranslation("evaluation");
  const { t: tShared } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const id = useId();
  const criteria = assignment.criteria;
  const [draft, setDraft] = useState<ReviewDraft>(() => draftFromReview(criteria, assignment.review));
  const [baseline, setBaseline] = useState<ReviewDraft>(draft);
  const [problems, setProblems] = useState<Record<string, ScoreProblem>>({});
  const [summary, setSummary] = useState<"save" | "submit" | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const [reloading, setReloading] = useState(false);
  const submissionKey = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const save = useSaveScores(assignment.id);
  const submit = useSubmitReview(assignment.id);

  const dirty = !sameDraft(criteria, draft, baseline);
  useBeforeUnload((event) => {
    if (dirty) event.preventDefault();
  });

  const values = draftValues(draft);
  const liveTotal = weightedTotal(criteria, values);
  const livePasses = reviewPasses(criteria, values, assignment.review.overall_threshold);
  const number = (value: string) => formatDecimal(value, language, 2);
  const stale = save.error instanceof ApiProblem && save.error.status === 412;

  function update(key: string, change: Partial<{ value: number | null; comment: string }>) {
    setDraft((current) => {
      const previous = current.scores[key] ?? { value: null, comment: "" };
      return { ...current, scores: { ...current.scores, [key]: { ...previous, ...change } } };
    });
    setProblems((current) => {
      if (!current[key]) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
  }

  function showProblems(found: Record<string, ScoreProblem>, kind: "save" | "submit") {
    setProblems(found);
    setSummary(kind);
    // after the summary renders, take the keyboard to it
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  }

  async function persist(): Promise<boolean> {
    const found = saveProblems(criteria, draft);
    if (Object.keys(found).length > 0) {
      showProblems(found, "save");
      return false;
    }
    try {
      const sent = draft;
      await save.mutateAsync({ etag, body: draftToBody(criteria, sent) });
      setBaseline(sent);
      setSaved(true);
      setProblems({});
      setSummary(null);
      return true;
    } catch {
      return false; // the mutation's error is on screen
    }
  }

  function askToSubmit() {
    submit.reset();
    const found = { ...saveProblems(criteria, draft), ...submissionProblems(criteria, draft) };
    if (Object.keys(found).length > 0) {
      showProblems(found, "submit");
      return;
    }
    setProblems({});
    setSummary(null);
    submissionKey.current = crypto.randomUUID();
    setConfirming(true);
  }

  async function confirmSubmit() {
    if (dirty && !(await persist())) {
      setConfirming(false);
      return;
    }
    try {
      await submit.mutateAsync(submissionKey.current ?? crypto.randomUUID());
      setConfirming(false);
      onSubmitted();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422) {
        setConfirming(false);
        showProblems(problemsByCriterion(error.problem.errors ?? []), "submit");
      }
    }
  }

  async function reload() {
    setReloading(true);
    try {
      const fresh = await onReload();
      if (fresh) {
        const next = draftFromReview(fresh.criteria, fresh.review);
        setDraft(next);
        setBaseline(next);
        setProblems({});
        setSummary(null);
        save.reset();
      }
    } finally {
      setReloading(false);
    }
  }

  const problemText = (problem: ScoreProblem) => {
    if (problem.code === "missing_score") return t("review.problem.missingScore");
    if (problem.code === "comment_without_score") return t("review.problem.commentWithoutScore");
    return t("review.problem.commentRequired");
  };
  const problemEntries = criteria.filter((criterion) => problems[criterion.key]);
  const submitRefusal = submit.error instanceof ApiProblem && submit.error.status === 422 ? submit.error : null;

  return (
    <div className="review-layout">
      <ReviewResult review={assignment.review} unsavedTotal={dirty ? liveTotal : null} />
      <form
        className="form review-form"
        aria-label={t("review.formLabel")}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void persist();
        }}
      >
        <h2>{t("review.title")}</h2>
        <p className="muted small">{t("review.intro")}</p>

        {problemEntries.length > 0 && (
          <div
            ref={summaryRef}
            tabIndex={-1}
            role="alert"
            className="alert alert--error"
            data-testid="review-problems"
          >
            <p className="alert__title">
              {summary === "save"
                ? t("review.problemsBeforeSave", { count: problemEntries.length })
                : t("review.problemsBeforeSubmit", { count: problemEntries.length })}
            </p>
            {submitRefusal && <p className="alert__body">{problemMessage(submitRefusal, "")}</p>}
            <ul className="alert__body">
              {problemEntries.map((criterion) => (
                <li key={criterion.key}>
                  <strong>{criterion.title}</strong>: {problemText(problems[criterion.key]!)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {submitRefusal && problemEntries.length === 0 && <ProblemAlert error={submitRefusal} />}

        {stale && (
          <div role="alert" className="alert alert--error">
            <p className="alert__title">{t("review.staleTitle")}</p>
            <p className="alert__body">{problemMessage(save.error, tShared("status.networkError"))}</p>
            <button type="button" className="button button--secondary" disabled={reloading} onClick={() => void reload()}>
              {reloading ? t("review.reloading") : t("review.reload")}
            </button>
          </div>
        )}
        {save.isError && !stale && <ProblemAlert error={save.error} title={t("review.saveFailed")} />}

        {criteria.map((criterion) => {
          const score = draft.scores[criterion.key] ?? { value: null, comment: "" };
          const required = commentRequired(score.value, criterion.threshold);
          const reached = reachesThreshold(score.value, criterion.threshold);
          const problem = problems[criterion.key];
          const base = `${id}-${criterion.key}`;
          const scoreProblem = problem && problem.code !== "comment_required" ? problem : null;
          const commentProblem = problem && problem.code === "comment_required" ? problem : null;
          const threshold = number(criterion.threshold);
          return (
            <fieldset
              key={criterion.key}
              className="criterion"
              data-criterion={criterion.key}
              data-invalid={problem ? "true" : undefined}
            >
              <legend className="criterion__title">{criterion.title}</legend>
              {criterion.description && <p className="criterion__description">{criterion.description}</p>}
              <p className="criterion__rule muted small" id={`${base}-rule`}>
                {t("review.rule", {
                  weight: formatNumber(sharePercent(criterion.share), language),
                  threshold,
                })}
              </p>
              <ScorePicker
                name={`${base}-score`}
                label={t("review.scoreLabel", { title: criterion.title })}
                value={score.value}
                invalid={Boolean(scoreProblem)}
                describedBy={[`${base}-rule`, scoreProblem ? `${base}-score-error` : null].filter(Boolean).join(" ")}
                onChange={(value) => update(criterion.key, { value })}
              />
              {scoreProblem && (
                <p id={`${base}-score-error`} className="field__error">
                  {problemText(scoreProblem)}
                </p>
              )}
              <p className="criterion__status small" data-testid="criterion-status" data-passed={reached === null ? "unknown" : String(reached)}>
                {reached === null
                  ? t("review.statusUnscored")
                  : reached
                    ? t("review.statusReached", { score: number(String(score.value)), threshold })
                    : t("review.statusBelow", { score: number(String(score.value)), threshold })}
              </p>
              <div className="field">
                <label htmlFor={`${base}-comment`}>
                  {t("review.commentLabel", { title: criterion.title })}
                  {required && <span className="required-mark"> {t("review.commentRequiredMark")}</span>}
                </label>
                <textarea
                  id={`${base}-comment`}
                  className="textarea"
                  rows={required ? 4 : 3}
                  maxLength={MAX_COMMENT}
                  required={required}
                  aria-required={required ? true : undefined}
                  aria-invalid={commentProblem ? true : undefined}
                  aria-describedby={commentProblem ? `${base}-comment-error` : undefined}
                  value={score.comment}
                  onChange={(event) => update(criterion.key, { comment: event.target.value })}
                />
                {commentProblem && (
                  <p id={`${base}-comment-error`} className="field__error">
                    {problemText(commentProblem)}
                  </p>
                )}
              </div>
            </fieldset>
          );
        })}

        <div className="field">
          <label htmlFor={`${id}-overall`}>{t("review.overallComment")}</label>
          <textarea
            id={`${id}-overall`}
            className="textarea"
            rows={5}
            maxLength={MAX_OVERALL}
            aria-describedby={`${id}-overall-hint`}
            value={draft.comment}
            onChange={(event) => setDraft((current) => ({ ...current, comment: event.target.value }))}
          />
          <p id={`${id}-overall-hint`} className="field__hint">
            {t("review.overallHint")}
          </p>
        </div>

        <div className="form-actions review-form__actions">
          <button type="submit" className="button button--secondary" disabled={save.isPending || submit.isPending}>
            {save.isPending ? t("review.saving") : t("review.save")}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={save.isPending || submit.isPending}
            onClick={askToSubmit}
          >
            {t("review.submit")}
          </button>
          <p role="status" aria-live="polite" className="status-line small" data-testid="save-status">
            {dirty ? t("review.unsaved") : saved ? t("review.saved") : ""}
          </p>
        </div>
      </form>

      {confirming && (
        <ConfirmDialog
          title={t("submitDialog.title")}
          confirmLabel={submit.isPending || save.isPending ? t("submitDialog.submitting") : t("submitDialog.confirm")}
          cancelLabel={t("common.cancel")}
          busy={submit.isPending || save.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void confirmSubmit()}
        >
          <p>
            {t("submitDialog.total", { total: number(liveTotal) })}{" "}
            {livePasses === null ? "" : livePasses ? t("result.passes") : t("result.fails")}
          </p>
          <p>{t("submitDialog.final")}</p>
          {dirty && <p className="small">{t("submitDialog.savesFirst")}</p>}
          {submit.isError && !(submit.error instanceof ApiProblem && submit.error.status === 422) && (
            <ProblemAlert error={submit.error} title={t("submitDialog.failed")} />
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
