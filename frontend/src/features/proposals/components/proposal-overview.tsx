import { useTranslation } from "react-i18next";

import type { Call, CallField } from "@/features/proposals/api/get-call";
import type { Proposal } from "@/features/proposals/api/get-proposal";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { formatDate, formatEuros, formatNumber } from "@/lib/intl";

type ProposalOverviewProps = { proposal: Proposal; call: Call; mayReadPrivate: boolean; labels: Labels };

/** The proposal's fields and answers, for those who may read but not change it (or not in this stage). */
export function ProposalOverview({ proposal, call, mayReadPrivate, labels }: ProposalOverviewProps) {
  const { t } = useTranslation("proposals");
  const none = <span className="muted">{t("overview.none")}</span>;
  const euros = (value: string | null) => (value === null ? none : formatEuros(value, labels.language));

  return (
    <div className="proposal-overview">
      <p className="muted small" data-testid="read-only-note">
        {proposal.stage.editable ? t("overview.readOnlyRole") : t("overview.readOnlyStage", { stage: proposal.stage.label })}
      </p>
      <dl className="proposal-facts">
        <div data-field="title">
          <dt>{t("fields.title")}</dt>
          <dd>{proposal.title}</dd>
        </div>
        <div data-field="acronym">
          <dt>{t("fields.acronym")}</dt>
          <dd>{proposal.acronym ?? none}</dd>
        </div>
        <div data-field="summary" className="proposal-facts__wide">
          <dt>{t("fields.summary")}</dt>
          <dd className="proposal-facts__text">{proposal.summary || none}</dd>
        </div>
        <div data-field="priorities">
          <dt>{t("fields.priorities")}</dt>
          <dd>
            {proposal.priorities.length
              ? proposal.priorities.map((code) => labels.priority(code)).join(", ")
              : none}
          </dd>
        </div>
        <div data-field="value_chain">
          <dt>{t("fields.value_chain")}</dt>
          <dd>{proposal.value_chain.length ? proposal.value_chain.map((code) => labels.step(code)).join(", ") : none}</dd>
        </div>
        <div data-field="trl">
          <dt>{t("fields.trl")}</dt>
          <dd>{proposal.trl === null ? none : t("editor.trlLevel", { level: proposal.trl })}</dd>
        </div>
        <div data-field="budget_eur">
          <dt>{t("fields.budget_eur")}</dt>
          <dd>{euros(proposal.budget_eur)}</dd>
        </div>
        <div data-field="requested_eur">
          <dt>{t("fields.requested_eur")}</dt>
          <dd>{euros(proposal.requested_eur)}</dd>
        </div>
      </dl>

      {call.fields.length > 0 && (
        <section className="call-questions" aria-labelledby="call-answers-heading">
          <h3 id="call-answers-heading">{t("editor.callQuestions", { call: call.code })}</h3>
          <dl className="proposal-facts">
            {call.fields.map((field) => (
              <div key={field.key} data-field={`answers.${field.key}`} className="proposal-facts__wide">
                <dt>
                  {field.label}
                  {field.private_to_evaluators && <span className="badge private-badge">{t("overview.private")}</span>}
                </dt>
                <dd className={field.type === "long_text" ? "proposal-facts__text" : undefined}>
                  {field.private_to_evaluators && !mayReadPrivate ? (
                    <span className="muted">{t("overview.notShown")}</span>
                  ) : (
                    <Answer field={field} value={proposal.answers[field.key]} labels={labels} />
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}

/** One answer as text in the interface's language (dates, numbers, yes / no, links). */
export function Answer({ field, value, labels }: { field?: CallField; value: unknown; labels: Labels }) {
  const { t } = useTranslation("proposals");
  if (value === null || value === undefined || value === "") return <span className="muted">{t("overview.none")}</span>;
  if (typeof value === "boolean") return <>{value ? t("editor.yes") : t("editor.no")}</>;
  if (typeof value === "number") return <>{formatNumber(value, labels.language)}</>;
  if (typeof value === "string" && field?.type === "date") return <>{formatDate(value, labels.language)}</>;
  if (typeof value === "string" && field?.type === "url") {
    return (
      <a href={value} target="_blank" rel="noopener noreferrer">
        {value}
      </a>
    );
  }
  return <>{typeof value === "string" ? value : JSON.stringify(value)}</>;
}
