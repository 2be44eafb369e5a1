import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert, problemMessage } from "@/components/problem-alert";
import { useTransitions, type TransitionOption } from "@/features/panel/api/get-transitions";
import { useTakeTransition } from "@/features/panel/api/take-transition";
import { problemMessages } from "@/features/panel/utils/problems";

/** Stages a proposal leaves the call through: their steps look like what they are. */
const EXITS = new Set(["rejected", "withdrawn"]);

/**
 * The steps out of the proposal's stage that are the user's to take (e.g. "Admit to evaluation"), each with
 * what its guard still lacks; one comment field serves them all, required by the steps that say so.
 */
export function ProposalSteps({ proposalId, reference }: { proposalId: string; reference: string }) {
  const { t } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const commentId = useId();
  const transitions = useTransitions(proposalId);
  const take = useTakeTransition(proposalId);
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (transitions.isPending) return <Loading />;
  if (transitions.isError) return <ProblemAlert error={transitions.error} onRetry={() => void transitions.refetch()} />;

  const mine = transitions.data.transitions.filter((option) => option.allowed);
  const needingComment = mine.filter((option) => option.comment_required).map((option) => option.label);

  function run(option: TransitionOption) {
    setDone(null);
    if (option.comment_required && !comment.trim()) {
      setCommentError(t("steps.commentNeeded", { step: option.label }));
      return;
    }
    setCommentError(null);
    take.mutate(
      { transition: option.key, comment: comment.trim() || null },
      {
        onSuccess: (proposal) => {
          setComment("");
          setDone(t("steps.done", { reference, stage: proposal.stage.label }));
        },
      },
    );
  }

  return (
    <div className="stack" data-testid="proposal-steps">
      <p className="muted">{t("steps.stage", { stage: transitions.data.stage.label })}</p>
      {done && (
        <p role="status" className="alert alert--success">
          {done}
        </p>
      )}
      {take.isError && (
        <div role="alert" className="alert alert--error">
          <p className="alert__title">{t("steps.failed")}</p>
          <p className="alert__body">{problemMessage(take.error, tc("status.networkError"))}</p>
          {problemMessages(take.error).length > 0 && (
            <ul>
              {problemMessages(take.error).map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {mine.length === 0 ? (
        <p className="muted">{t("steps.none")}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={commentId}>
              {needingComment.length > 0 ? t("steps.commentLabelRequired") : t("steps.commentLabel")}
            </label>
            <textarea
              id={commentId}
              name="comment"
              rows={3}
              value={comment}
              aria-invalid={commentError ? true : undefined}
              aria-describedby={`${commentError ? `${commentId}-error ` : ""}${commentId}-hint`}
              onChange={(event) => setComment(event.target.value)}
            />
            {commentError && (
              <p id={`${commentId}-error`} className="field__error">
                {commentError}
              </p>
            )}
            <p id={`${commentId}-hint`} className="field__hint">
              {needingComment.length > 0
                ? t("steps.commentHint", { steps: needingComment.join(", ") })
                : t("steps.commentOptional")}
            </p>
          </div>
          <ul className="step-list" aria-label={t("steps.label")}>
            {mine.map((option) => {
              const blocked = option.unmet.length > 0;
              const unmetId = `${commentId}-${option.key}-unmet`;
              return (
                <li key={option.key} className="step" data-transition={option.key} data-blocked={blocked}>
                  <div className="toolbar">
                    <button
                      type="button"
                      className={EXITS.has(option.to_stage.key) ? "button button--danger-quiet" : "button button--primary"}
                      disabled={blocked || take.isPending}
                      aria-describedby={blocked ? unmetId : undefined}
                      onClick={() => run(option)}
                    >
                      {option.label}
                    </button>
                    <span className="muted small">{t("steps.to", { stage: option.to_stage.label })}</span>
                    {option.comment_required && <span className="badge">{t("steps.commentBadge")}</span>}
                  </div>
                  {blocked && (
                    <ul id={unmetId} className="step__unmet" aria-label={t("steps.unmet", { step: option.label })}>
                      {option.unmet.map((problem) => (
                        <li key={`${problem.field}-${problem.message}`}>{problem.message}</li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
