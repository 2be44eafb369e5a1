import { useState } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useMyConflicts, type ConflictDeclaration } from "@/features/evaluation/api/get-my-conflicts";
import { useWithdrawConflict } from "@/features/evaluation/api/withdraw-conflict";
import { formatDateTime } from "@/lib/intl";

function targetOf(declaration: ConflictDeclaration): string {
  if (declaration.proposal) return `${declaration.proposal.reference} · ${declaration.proposal.title}`;
  return declaration.organisation?.name ?? "";
}

/** The conflicts of interest the evaluator declared, each of which they may withdraw. */
export function MyConflicts() {
  const { t, i18n } = useTranslation("evaluation");
  const language = i18n.resolvedLanguage ?? "en";
  const conflicts = useMyConflicts();
  const withdraw = useWithdrawConflict();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function confirmWithdraw(declaration: ConflictDeclaration) {
    withdraw.mutate(declaration.id, {
      onSuccess: () => {
        setConfirming(null);
        setAnnouncement(t("conflicts.withdrawn", { target: targetOf(declaration) }));
      },
    });
  }

  let body;
  if (conflicts.isPending) body = <Loading />;
  else if (conflicts.isError) body = <ProblemAlert error={conflicts.error} onRetry={() => void conflicts.refetch()} />;
  else if (conflicts.data.length === 0) body = <p className="empty-state">{t("conflicts.empty")}</p>;
  else
    body = (
      <ul className="declaration-list" aria-labelledby="my-conflicts-title">
        {conflicts.data.map((declaration) => {
          const target = targetOf(declaration);
          return (
            <li key={declaration.id} data-declaration-id={declaration.id}>
              <p className="declaration-list__target">
                <span className="badge">
                  {t(declaration.proposal ? "conflicts.kindProposal" : "conflicts.kindOrganisation")}
                </span>{" "}
                <strong>{target}</strong>
              </p>
              <p className="declaration-list__reason">{declaration.reason}</p>
              <p className="muted small">
                {t("conflicts.declaredAt", { date: formatDateTime(declaration.declared_at, language) })}
              </p>
              {confirming === declaration.id ? (
                <div className="inline-confirm" role="group" aria-label={t("conflicts.confirmLabel", { target })}>
                  <p>{t("conflicts.confirm")}</p>
                  {withdraw.isError && <ProblemAlert error={withdraw.error} />}
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={withdraw.isPending}
                    onClick={() => confirmWithdraw(declaration)}
                  >
                    {t("conflicts.confirmYes")}
                  </button>{" "}
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={withdraw.isPending}
                    onClick={() => setConfirming(null)}
                  >
                    {t("conflicts.confirmNo")}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t("conflicts.withdrawNamed", { target })}
                  onClick={() => {
                    withdraw.reset();
                    setAnnouncement("");
                    setConfirming(declaration.id);
                  }}
                >
                  {t("conflicts.withdraw")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    );

  return (
    <section className="section" aria-labelledby="my-conflicts-title">
      <h2 id="my-conflicts-title">{t("conflicts.title")}</h2>
      <p role="status" aria-live="polite" className="status-line">
        {announcement}
      </p>
      {body}
    </section>
  );
}
