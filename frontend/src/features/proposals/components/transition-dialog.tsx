import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { problemMessage } from "@/components/problem-alert";
import type { Proposal } from "@/features/proposals/api/get-proposal";
import type { TransitionOption } from "@/features/proposals/api/get-transitions";
import { useTakeTransition } from "@/features/proposals/api/take-transition";
import { ModalDialog } from "@/features/proposals/components/modal-dialog";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { newIdempotencyKey } from "@/features/proposals/utils/idempotency-key";
import { ApiProblem } from "@/lib/problem";

type TransitionDialogProps = {
  proposal: Proposal;
  option: TransitionOption;
  labels: Labels;
  onClose: () => void;
  onDone: (moved: Proposal) => void;
};

/**
 * Confirms a step and asks for its comment (required by some steps). One Idempotency-Key per dialog: a retry after
 * a lost answer takes the step once.
 */
export function TransitionDialog({ proposal, option, labels, onClose, onDone }: TransitionDialogProps) {
  const { t } = useTranslation("proposals");
  const { t: tShared } = useTranslation();
  const take = useTakeTransition(proposal.id);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const ids = { comment: useId(), hint: useId(), error: useId() };
  const submitting = option.guard === "submission_ready";
  const problem = take.error instanceof ApiProblem ? take.error : null;

  function confirm() {
    if (option.comment_required && !comment.trim()) {
      setMissing(true);
      document.getElementById(ids.comment)?.focus();
      return;
    }
    take.mutate(
      { idempotencyKey, body: { transition: option.key, comment: comment.trim() || null } },
      { onSuccess: (moved) => onDone(moved.proposal) },
    );
  }

  return (
    <ModalDialog
      title={t("steps.dialogTitle", { step: option.label, stage: option.to_stage.label })}
      onClose={onClose}
      busy={take.isPending}
    >
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        <p>
          {t("steps.dialogBody", { reference: proposal.reference, from: proposal.stage.label, to: option.to_stage.label })}
        </p>
        {submitting && <p>{t("steps.freezes", { number: proposal.submitted_version + 1 })}</p>}
        {take.isError && (
          <div role="alert" className="alert alert--error">
            <p className="alert__title">{t("steps.failed", { step: option.label })}</p>
            <p className="alert__body">{problemMessage(take.error, tShared("status.networkError"))}</p>
            {problem?.problem.errors && problem.problem.errors.length > 0 && (
              <ul className="unmet-list">
                {problem.problem.errors.map((error) => (
                  <li key={`${error.field}-${error.message}`} data-field={error.field}>
                    {labels.field(error.field)}: {error.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.comment}>
            {option.comment_required ? t("steps.commentRequired") : t("steps.commentOptional")}
          </label>
          <textarea
            id={ids.comment}
            className="textarea"
            rows={4}
            maxLength={5000}
            value={comment}
            aria-invalid={missing ? true : undefined}
            aria-describedby={[ids.hint, missing ? ids.error : null].filter(Boolean).join(" ")}
            onChange={(event) => {
              setMissing(false);
              setComment(event.target.value);
            }}
          />
          <p id={ids.hint} className="field__hint">
            {t("steps.commentHint")}
          </p>
          {missing && (
            <p id={ids.error} className="field__error">
              {t("steps.commentMissing")}
            </p>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" disabled={take.isPending} onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={take.isPending}>
            {take.isPending ? t("steps.taking") : option.label}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
