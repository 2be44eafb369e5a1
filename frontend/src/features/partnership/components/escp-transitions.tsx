import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { problemMessage } from "@/components/problem-alert";
import type { VersionedCluster } from "@/features/partnership/api/get-cluster";
import { useTransitionCluster } from "@/features/partnership/api/transition-cluster";
import { needsComment, stepsFor } from "@/features/partnership/utils/escp-steps";
import { ApiProblem } from "@/lib/problem";

type EscpTransitionsProps = {
  versioned: VersionedCluster;
  isAdmin: boolean;
  onReload: () => void;
};

type Target = "draft" | "submitted" | "validated" | "linked";

/**
 * The next ESCP-S3 steps the viewer may take, with a comment. A refusal shows the problem; when the profile
 * does not meet the ECCP criteria the unmet ones are listed.
 */
export function EscpTransitions({ versioned, isAdmin, onReload }: EscpTransitionsProps) {
  const { t } = useTranslation("regions");
  const { t: tc } = useTranslation();
  const id = useId();
  const { cluster, etag } = versioned;
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const transition = useTransitionCluster(cluster.id);
  const steps = stepsFor(cluster.escp_state, cluster.next_states, isAdmin) as Target[];

  const problem = transition.error instanceof ApiProblem ? transition.error : null;
  const apiCommentError = problem?.fieldErrors.comment;
  const listed = (problem?.problem.errors ?? []).filter((error) => !error.field.endsWith("comment"));
  const shownCommentError = commentError ?? apiCommentError ?? null;

  function take(target: Target) {
    if (needsComment(cluster.escp_state, target) && !comment.trim()) {
      setCommentError(t("escp.commentRequired"));
      return;
    }
    setCommentError(null);
    transition.mutate(
      { etag, body: { to_state: target, comment: comment.trim() || null } },
      { onSuccess: () => setComment("") },
    );
  }

  const moved = transition.isSuccess ? (
    <p role="status" className="escp-actions__moved">
      {t("escp.moved", { state: t(`escp.states.${transition.data.cluster.escp_state}`) })}
    </p>
  ) : null;

  if (steps.length === 0) {
    return (
      <>
        {moved}
        <p className="muted" data-escp-actions="none">
          {cluster.escp_state === "linked" ? t("escp.done") : isAdmin ? t("escp.noSteps") : t("escp.waitingForAdmin")}
        </p>
      </>
    );
  }

  return (
    <div className="escp-actions">
      {moved}
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t("escp.comment")}</label>
        <textarea
          id={`${id}-comment`}
          name="comment"
          rows={2}
          maxLength={2000}
          value={comment}
          aria-invalid={shownCommentError ? true : undefined}
          aria-describedby={shownCommentError ? `${id}-comment-error` : `${id}-comment-hint`}
          onChange={(event) => setComment(event.target.value)}
        />
        {shownCommentError ? (
          <p id={`${id}-comment-error`} className="field__error">
            {shownCommentError}
          </p>
        ) : (
          <p id={`${id}-comment-hint`} className="field__hint">
            {t("escp.commentHint")}
          </p>
        )}
      </div>
      <div className="escp-actions__buttons">
        {steps.map((target) => (
          <button
            key={target}
            type="button"
            data-to-state={target}
            className={target === "draft" ? "button button--secondary" : "button button--primary"}
            disabled={transition.isPending}
            onClick={() => take(target)}
          >
            {t(`escp.actions.${target}`)}
          </button>
        ))}
      </div>

      {transition.error && (
        <div role="alert" className="alert alert--error">
          <p className="alert__title">
            {problem?.status === 412 ? t("escp.staleTitle") : t("escp.refusedTitle")}
          </p>
          <p className="alert__body">{problemMessage(transition.error, tc("status.networkError"))}</p>
          {listed.length > 0 && (
            <ul className="unmet-list" aria-label={t("escp.unmetLabel")}>
              {listed.map((error) => (
                <li key={error.field} data-field={error.field}>
                  {error.message}
                </li>
              ))}
            </ul>
          )}
          {problem?.status === 412 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                transition.reset();
                onReload();
              }}
            >
              {t("form.reload")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
