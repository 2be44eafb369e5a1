import "@/features/evaluation/components/evaluation.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useAssignment } from "@/features/evaluation/api/get-assignment";
import { DueDate } from "@/features/evaluation/components/due-date";
import { FrozenProposal } from "@/features/evaluation/components/frozen-proposal";
import { ReviewForm } from "@/features/evaluation/components/review-form";
import { SubmittedReview } from "@/features/evaluation/components/submitted-review";

/** /evaluation/assignments/:id — the frozen proposal beside the rubric and the score sheet. */
export function AssignmentPage({ id }: { id: string }) {
  const { t } = useTranslation("evaluation");
  const query = useAssignment(id);
  const [justSubmitted, setJustSubmitted] = useState(false);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <div className="page">
        <p>
          <Link to="/evaluation">{t("assignment.back")}</Link>
        </p>
        <h1>{t("assignment.notFoundTitle")}</h1>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  const { assignment, etag } = query.data;
  const submitted = assignment.review.status === "submitted";
  const { proposal, call } = assignment;

  return (
    <div className="page assignment-page" data-assignment-id={assignment.id} data-status={assignment.review.status}>
      <header className="page__header">
        <p>
          <Link to="/evaluation">{t("assignment.back")}</Link>
        </p>
        <h1>
          <span className="assignment-page__reference">{proposal.reference}</span> {proposal.title}
          {proposal.acronym && <span className="muted"> ({proposal.acronym})</span>}
        </h1>
        <dl className="inline-facts">
          <div>
            <dt>{t("assignment.call")}</dt>
            <dd>{`${call.code} · ${call.title}`}</dd>
          </div>
          <div>
            <dt>{t("assignments.due")}</dt>
            <dd>
              <DueDate dueAt={assignment.due_at} submitted={submitted} />
            </dd>
          </div>
          <div>
            <dt>{t("assignments.status")}</dt>
            <dd>
              <span className="status-badge" data-progress={submitted ? "submitted" : "in_progress"}>
                {submitted ? t("progress.submitted") : t("assignment.open")}
              </span>
            </dd>
          </div>
        </dl>
        {assignment.reason === "divergence" && <p className="note">{t("assignment.divergenceNote")}</p>}
      </header>
      <p role="status" aria-live="polite" className="status-line">
        {justSubmitted ? t("assignment.submittedNow") : ""}
      </p>

      <div className="assignment-page__columns">
        <FrozenProposal proposalId={proposal.id} version={assignment.version} />
        {submitted ? (
          <SubmittedReview review={assignment.review} />
        ) : (
          <ReviewForm
            assignment={assignment}
            etag={etag}
            onReload={async () => (await query.refetch()).data?.assignment}
            onSubmitted={() => setJustSubmitted(true)}
          />
        )}
      </div>
    </div>
  );
}
