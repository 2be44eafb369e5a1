import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useMyAssignments, type AssignmentSummary } from "@/features/evaluation/api/get-my-assignments";
import { DueDate } from "@/features/evaluation/components/due-date";
import { workspaceOrder } from "@/features/evaluation/utils/due-date";

type Progress = "to_do" | "in_progress" | "submitted";

function progressOf(assignment: AssignmentSummary): Progress {
  if (assignment.status === "submitted") return "submitted";
  return assignment.progress.scored > 0 ? "in_progress" : "to_do";
}

/** The evaluator's assignments: proposal, call, due date (absolute and relative), status and progress. */
export function AssignmentList() {
  const { t } = useTranslation("evaluation");
  const assignments = useMyAssignments();

  let body;
  if (assignments.isPending) body = <Loading />;
  else if (assignments.isError)
    body = <ProblemAlert error={assignments.error} onRetry={() => void assignments.refetch()} />;
  else if (assignments.data.length === 0) body = <p className="empty-state">{t("assignments.empty")}</p>;
  else {
    const open = assignments.data.filter((assignment) => assignment.status !== "submitted").length;
    body = (
      <>
        <p role="status" aria-live="polite" className="muted">
          {t("assignments.count", { count: assignments.data.length, open })}
        </p>
        <ul className="assignment-list" aria-labelledby="assignments-title">
          {workspaceOrder(assignments.data).map((assignment) => (
            <AssignmentItem key={assignment.id} assignment={assignment} />
          ))}
        </ul>
      </>
    );
  }

  return (
    <section className="section" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t("assignments.title")}</h2>
      {body}
    </section>
  );
}

function AssignmentItem({ assignment }: { assignment: AssignmentSummary }) {
  const { t } = useTranslation("evaluation");
  const progress = progressOf(assignment);
  const { scored, criteria } = assignment.progress;
  const title = `${assignment.proposal.reference} · ${assignment.proposal.title}`;
  return (
    <li className="assignment-card" data-assignment-id={assignment.id} data-status={assignment.status}>
      <div className="assignment-card__main">
        <h3 className="assignment-card__title">
          <Link to={`/evaluation/assignments/${assignment.id}`}>{title}</Link>
        </h3>
        <p className="assignment-card__call muted small">
          {t("assignments.call", { code: assignment.call.code, title: assignment.call.title })}
        </p>
        {assignment.reason !== "automatic" && (
          <p className="small">
            <span className="badge badge--accent">{t(`reason.${assignment.reason}`)}</span>
          </p>
        )}
      </div>
      <dl className="assignment-card__facts">
        <div>
          <dt>{t("assignments.status")}</dt>
          <dd>
            <span className="status-badge" data-progress={progress}>
              {t(`progress.${progress}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("assignments.due")}</dt>
          <dd>
            <DueDate dueAt={assignment.due_at} submitted={assignment.status === "submitted"} />
          </dd>
        </div>
        <div>
          <dt>{t("assignments.progress")}</dt>
          <dd className="assignment-card__progress">
            <progress
              max={criteria || 1}
              value={scored}
              aria-label={t("assignments.progressLabel", { reference: assignment.proposal.reference })}
            />
            <span>{t("assignments.scored", { scored, criteria })}</span>
          </dd>
        </div>
      </dl>
    </li>
  );
}
