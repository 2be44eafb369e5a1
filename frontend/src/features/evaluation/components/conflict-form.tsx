import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import { useDeclareConflict } from "@/features/evaluation/api/declare-conflict";
import type { EvaluationProposal } from "@/features/evaluation/api/get-evaluation-proposals";
import type { ConflictDeclaration } from "@/features/evaluation/api/get-my-conflicts";

type ConflictFormProps = {
  proposal: EvaluationProposal;
  onDeclared: (declaration: ConflictDeclaration) => void;
  onCancel: () => void;
};

const MAX_REASON = 2000;

/**
 * Declares a conflict of interest with the proposal, or with one of its organisations (then with every proposal
 * naming it). The reason is required; the API withdraws any assignment it concerns and finds a replacement.
 */
export function ConflictForm({ proposal, onDeclared, onCancel }: ConflictFormProps) {
  const { t } = useTranslation("evaluation");
  const [target, setTarget] = useState("proposal");
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const declare = useDeclareConflict();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    reasonRef.current?.focus();
  }, []);

  const organisations = [
    { ...proposal.lead, role: "lead" as const },
    ...proposal.partners
      .filter((partner) => partner.id !== proposal.lead.id)
      .map((partner) => ({ ...partner, role: "partner" as const })),
  ];

  function submit() {
    const trimmed = reason.trim();
    if (!trimmed) {
      setReasonError(t("conflictForm.reasonRequired"));
      reasonRef.current?.focus();
      return;
    }
    setReasonError(null);
    const body =
      target === "proposal"
        ? { proposal_id: proposal.id, reason: trimmed }
        : { organisation_id: target, reason: trimmed };
    declare.mutate(body, { onSuccess: onDeclared });
  }

  return (
    <form
      className="form conflict-form"
      aria-label={t("conflictForm.label", { reference: proposal.reference })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !declare.isPending) onCancel();
      }}
    >
      <fieldset className="choice-group">
        <legend>{t("conflictForm.target")}</legend>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-target`}
            value="proposal"
            checked={target === "proposal"}
            onChange={() => setTarget("proposal")}
          />
          {t("conflictForm.thisProposal", { reference: proposal.reference })}
        </label>
        {organisations.map((organisation) => (
          <label className="choice" key={organisation.id}>
            <input
              type="radio"
              name={`${id}-target`}
              value={organisation.id}
              checked={target === organisation.id}
              onChange={() => setTarget(organisation.id)}
            />
            {t(organisation.role === "lead" ? "conflictForm.leadOrganisation" : "conflictForm.partnerOrganisation", {
              name: organisation.name,
            })}
          </label>
        ))}
      </fieldset>
      <p className="field__hint" id={`${id}-target-hint`}>
        {t("conflictForm.targetHint")}
      </p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("conflictForm.reason")}</label>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          className="textarea"
          rows={3}
          maxLength={MAX_REASON}
          required
          aria-required="true"
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : `${id}-reason-hint`}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {reasonError ? (
          <p id={`${id}-reason-error`} className="field__error">
            {reasonError}
          </p>
        ) : (
          <p id={`${id}-reason-hint`} className="field__hint">
            {t("conflictForm.reasonHint")}
          </p>
        )}
      </div>
      {declare.isError && <ProblemAlert error={declare.error} title={t("conflictForm.failed")} />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={declare.isPending}>
          {declare.isPending ? t("conflictForm.declaring") : t("conflictForm.submit")}
        </button>
        <button type="button" className="button button--secondary" disabled={declare.isPending} onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
