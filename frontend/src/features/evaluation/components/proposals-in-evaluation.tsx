import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { Loading } from "@/components/loading";
import { problemMessage, ProblemAlert } from "@/components/problem-alert";
import { useCalls } from "@/features/evaluation/api/get-calls";
import {
  useEvaluationProposals,
  type EvaluationProposal,
} from "@/features/evaluation/api/get-evaluation-proposals";
import type { ConflictDeclaration } from "@/features/evaluation/api/get-my-conflicts";
import { ConflictForm } from "@/features/evaluation/components/conflict-form";
import { formatList } from "@/lib/intl";

/**
 * The proposals in evaluation with just enough to spot a conflict of interest, each with the caller's conflicts
 * (found from their organisation and region, or declared) and the button to declare one.
 */
export function ProposalsInEvaluation({ registered }: { registered: boolean }) {
  const { t, i18n } = useTranslation("evaluation");
  const { t: tShared } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const callId = searchParams.get("call");
  const calls = useCalls();
  const proposals = useEvaluationProposals(callId);
  const [open, setOpen] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function chooseCall(value: string) {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set("call", value);
        else next.delete("call");
        return next;
      },
      { replace: true },
    );
  }

  function declared(proposal: EvaluationProposal, declaration: ConflictDeclaration) {
    setOpen(null);
    const target = declaration.organisation?.name ?? proposal.reference;
    const away = declaration.withdrawn_from ?? [];
    setAnnouncement(
      away.length
        ? t("conflicts.declaredWithdrawn", { target, references: formatList(away, i18n.resolvedLanguage ?? "en") })
        : t("conflicts.declared", { target }),
    );
  }

  const items = proposals.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="section" aria-labelledby="in-evaluation-title">
      <h2 id="in-evaluation-title">{t("inEvaluation.title")}</h2>
      <p className="muted">{t("inEvaluation.intro")}</p>
      <div className="filter-row">
        <label htmlFor="in-evaluation-call">{t("inEvaluation.call")}</label>
        <select
          id="in-evaluation-call"
          name="call"
          className="select"
          value={callId ?? ""}
          onChange={(event) => chooseCall(event.target.value)}
        >
          <option value="">{t("inEvaluation.allCalls")}</option>
          {(calls.data ?? []).map((call) => (
            <option key={call.id} value={call.id}>
              {`${call.code} · ${call.title}`}
            </option>
          ))}
        </select>
        {calls.isError && (
          <p className="field__error small">
            {t("inEvaluation.callsFailed", { detail: problemMessage(calls.error, tShared("status.networkError")) })}
          </p>
        )}
      </div>
      <p role="status" aria-live="polite" className="status-line">
        {announcement}
      </p>
      {!registered && <p className="muted small">{t("inEvaluation.registerToDeclare")}</p>}
      {proposals.isPending ? (
        <Loading />
      ) : proposals.isError ? (
        <ProblemAlert error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty-state">{t(callId ? "inEvaluation.emptyForCall" : "inEvaluation.empty")}</p>
      ) : (
        <>
          <p aria-live="polite" className="muted small" data-testid="in-evaluation-count">
            {proposals.hasNextPage
              ? t("inEvaluation.countMore", { count: items.length })
              : t("inEvaluation.count", { count: items.length })}
          </p>
          <ul className="evaluation-proposals" aria-label={t("inEvaluation.listLabel")}>
            {items.map((proposal) => (
              <ProposalItem
                key={proposal.id}
                proposal={proposal}
                registered={registered}
                formOpen={open === proposal.id}
                onOpen={() => {
                  setAnnouncement("");
                  setOpen(proposal.id);
                }}
                onClose={() => setOpen(null)}
                onDeclared={(declaration) => declared(proposal, declaration)}
              />
            ))}
          </ul>
          {proposals.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={proposals.isFetchingNextPage}
              onClick={() => void proposals.fetchNextPage()}
            >
              {proposals.isFetchingNextPage ? t("common.loadingMore") : t("common.loadMore")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

type ProposalItemProps = {
  proposal: EvaluationProposal;
  registered: boolean;
  formOpen: boolean;
  onOpen: () => void;
  onClose: () => void;
  onDeclared: (declaration: ConflictDeclaration) => void;
};

function ProposalItem({ proposal, registered, formOpen, onOpen, onClose, onDeclared }: ProposalItemProps) {
  const { t } = useTranslation("evaluation");
  const conflicts = proposal.conflicts;
  const declaredOnProposal = conflicts?.some((conflict) => conflict.kind === "declared_proposal") ?? false;
  const organisation = (name: string, region: string | null) => (region ? `${name} (${region})` : name);

  return (
    <li
      className="evaluation-proposal"
      data-proposal-id={proposal.id}
      data-conflicted={conflicts && conflicts.length > 0 ? "true" : "false"}
    >
      <h3 className="evaluation-proposal__title">
        <span className="evaluation-proposal__reference">{proposal.reference}</span> {proposal.title}
        {proposal.acronym && <span className="muted"> ({proposal.acronym})</span>}
      </h3>
      <dl className="inline-facts small">
        <div>
          <dt>{t("inEvaluation.lead")}</dt>
          <dd>{organisation(proposal.lead.name, proposal.lead.region_code)}</dd>
        </div>
        <div>
          <dt>{t("inEvaluation.partners")}</dt>
          <dd>
            {proposal.partners.length === 0
              ? t("inEvaluation.noPartners")
              : proposal.partners.map((partner) => organisation(partner.name, partner.region_code)).join("; ")}
          </dd>
        </div>
      </dl>
      {conflicts && conflicts.length > 0 && (
        <div className="conflict-box">
          <p className="conflict-box__title" id={`conflicts-${proposal.id}`}>
            {t("inEvaluation.yourConflicts")}
          </p>
          <ul aria-labelledby={`conflicts-${proposal.id}`}>
            {conflicts.map((conflict, index) => (
              <li key={index} data-conflict-kind={conflict.kind}>
                <strong>{t(`conflictKind.${conflict.kind}`)}</strong>: {conflict.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
      {conflicts && conflicts.length === 0 && <p className="small muted">{t("inEvaluation.noConflict")}</p>}
      {registered && !declaredOnProposal && !formOpen && (
        <button
          type="button"
          className="button button--secondary"
          aria-label={t("inEvaluation.declareNamed", { reference: proposal.reference })}
          onClick={onOpen}
        >
          {t("inEvaluation.declare")}
        </button>
      )}
      {formOpen && <ConflictForm proposal={proposal} onDeclared={onDeclared} onCancel={onClose} />}
    </li>
  );
}
