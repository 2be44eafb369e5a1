import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { problemMessage } from "@/components/problem-alert";
import { useAssignEvaluator } from "@/features/panel/api/assign-evaluator";
import type { Assignment } from "@/features/panel/api/get-call-assignments";
import type { Evaluator } from "@/features/panel/api/get-evaluators";
import { useWithdrawAssignment } from "@/features/panel/api/withdraw-assignment";
import type { ProposalStaffingView } from "@/features/panel/utils/staffing";
import { formatDateTime, formatDecimal } from "@/lib/intl";

type Props = {
  callId: string;
  view: ProposalStaffingView;
  required: number;
  evaluators: readonly Evaluator[];
  editable: boolean;
};

/** One proposal under evaluation: its evaluators and their reviews, how far the evaluation is, add and remove. */
export function ProposalStaffing({ callId, view, required, evaluators, editable }: Props) {
  const { t, i18n } = useTranslation("calls");
  const { proposal } = view;
  const headingId = useId();
  const status = view.ranked
    ? t("staffing.finalised", { total: formatDecimal(view.ranked.total, i18n.language, 2) })
    : view.notReady
      ? view.notReady.reason
      : null;
  return (
    <li className="staffing" data-proposal-id={proposal.id} aria-labelledby={headingId}>
      <div className="staffing__head">
        <h4 id={headingId} className="staffing__title">
          {proposal.reference} – {proposal.title} <span className="muted small">({proposal.region_code})</span>
        </h4>
        <Link
          to={`/proposals/${proposal.id}/evaluation`}
          data-testid="evaluation-link"
          aria-label={t("staffing.openEvaluationOf", { reference: proposal.reference })}
        >
          {t("staffing.openEvaluation")}
        </Link>
      </div>
      <p className="small" data-testid="review-progress">
        {t("staffing.progress", { submitted: view.submitted, count: Math.max(required, view.active) })}
        {view.active < required && <> · {t("staffing.short", { count: required - view.active })}</>}
        {status && <> · {status}</>}
      </p>
      {view.assignments.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("staffing.caption", { reference: proposal.reference })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staffing.evaluator")}</th>
                <th scope="col">{t("staffing.status")}</th>
                <th scope="col">{t("staffing.how")}</th>
                <th scope="col">{t("staffing.since")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("staffing.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.assignments.map((assignment) => (
                <AssignmentRow key={assignment.id} callId={callId} assignment={assignment} editable={editable} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted small">{t("staffing.nobody")}</p>
      )}
      {editable && <AddEvaluator callId={callId} view={view} evaluators={evaluators} />}
    </li>
  );
}

function AssignmentRow({ callId, assignment, editable }: { callId: string; assignment: Assignment; editable: boolean }) {
  const { t, i18n } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const reasonId = useId();
  const withdraw = useWithdrawAssignment(callId);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const name = assignment.evaluator.name;
  return (
    <tr data-assignment-id={assignment.id} data-status={assignment.status}>
      <th scope="row">{name}</th>
      <td>
        <span className={`badge badge--${assignment.status}`}>{t(`assignmentStatus.${assignment.status}`)}</span>
        {assignment.withdrawn_reason && <span className="muted small"> {assignment.withdrawn_reason}</span>}
      </td>
      <td>{t(`assignmentReason.${assignment.reason}`)}</td>
      <td>{formatDateTime(assignment.submitted_at ?? assignment.created_at, i18n.language)}</td>
      <td>
        {editable && assignment.status === "assigned" && !confirming && (
          <button
            type="button"
            className="button button--danger-quiet button--small"
            aria-label={t("staffing.removeNamed", { name })}
            onClick={() => setConfirming(true)}
          >
            {t("staffing.remove")}
          </button>
        )}
        {confirming && (
          <div className="stack">
            <div className="field">
              <label htmlFor={reasonId}>{t("staffing.removeReason")}</label>
              <textarea id={reasonId} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
            </div>
            <div className="toolbar">
              <button
                type="button"
                className="button button--danger button--small"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate({ assignmentId: assignment.id, reason: reason.trim() })}
              >
                {t("staffing.confirmRemove", { name })}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setConfirming(false);
                  withdraw.reset();
                }}
              >
                {t("staffing.cancel")}
              </button>
            </div>
            {withdraw.isError && (
              <p role="alert" className="field__error">
                {problemMessage(withdraw.error, tc("status.networkError"))}
              </p>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

function AddEvaluator({ callId, view, evaluators }: { callId: string; view: ProposalStaffingView; evaluators: readonly Evaluator[] }) {
  const { t } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const selectId = useId();
  const assign = useAssignEvaluator(callId, view.proposal.id);
  const [evaluatorId, setEvaluatorId] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const busy = new Set(view.assignments.filter((a) => a.status !== "withdrawn").map((a) => a.evaluator.id));
  const choices = evaluators.filter((evaluator) => !busy.has(evaluator.id));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!evaluatorId) return;
    const name = evaluators.find((evaluator) => evaluator.id === evaluatorId)?.name ?? "";
    setAdded(null);
    assign.mutate(evaluatorId, {
      onSuccess: () => {
        setEvaluatorId("");
        setAdded(t("staffing.added", { name, reference: view.proposal.reference }));
      },
    });
  }

  return (
    <form className="staffing__add" onSubmit={handleSubmit} aria-label={t("staffing.addLabel", { reference: view.proposal.reference })}>
      <div className="field">
        <label htmlFor={selectId}>{t("staffing.addEvaluator")}</label>
        <select
          id={selectId}
          name="evaluator"
          value={evaluatorId}
          aria-invalid={assign.isError ? true : undefined}
          aria-describedby={assign.isError ? `${selectId}-error` : undefined}
          onChange={(event) => {
            setEvaluatorId(event.target.value);
            assign.reset();
          }}
        >
          <option value="">{choices.length ? t("staffing.choose") : t("staffing.noOneLeft")}</option>
          {choices.map((evaluator) => (
            <option key={evaluator.id} value={evaluator.id}>
              {evaluator.max_load === null
                ? t("staffing.evaluatorOption", { name: evaluator.name, load: evaluator.load, region: evaluator.region_code ?? "—" })
                : t("staffing.evaluatorOptionMax", {
                    name: evaluator.name,
                    load: evaluator.load,
                    max: evaluator.max_load,
                    region: evaluator.region_code ?? "—",
                  })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary" disabled={!evaluatorId || assign.isPending}>
        {t("staffing.assign")}
      </button>
      {assign.isError && (
        <p id={`${selectId}-error`} role="alert" className="field__error">
          {problemMessage(assign.error, tc("status.networkError"))}
        </p>
      )}
      {added && (
        <p role="status" className="small">
          {added}
        </p>
      )}
    </form>
  );
}
