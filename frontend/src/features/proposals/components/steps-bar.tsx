import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import type { Proposal } from "@/features/proposals/api/get-proposal";
import { useTransitions, type TransitionOption } from "@/features/proposals/api/get-transitions";
import { TransitionDialog } from "@/features/proposals/components/transition-dialog";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { unmetTarget, type UnmetTarget } from "@/features/proposals/utils/unmet";

type StepsBarProps = {
  proposal: Proposal;
  labels: Labels;
  /** Opens the tab (and field) where an unmet condition is fixed. */
  onGoTo: (target: NonNullable<UnmetTarget>) => void;
  onMoved: (moved: Proposal) => void;
  fieldLabel: (field: string) => string;
};

/**
 * The steps the person may take from the proposal's stage: a button for each step that is possible now, and for
 * a step whose condition is not met, what is missing (with a way to it) instead of a button that would fail.
 */
export function StepsBar({ proposal, labels, onGoTo, onMoved, fieldLabel }: StepsBarProps) {
  const { t } = useTranslation("proposals");
  const transitions = useTransitions(proposal.id);
  const [open, setOpen] = useState<TransitionOption | null>(null);

  const options = (transitions.data?.transitions ?? []).filter((option) => option.allowed);
  const ready = options.filter((option) => option.unmet.length === 0);
  const blocked = options.filter((option) => option.unmet.length > 0);

  return (
    <section className="steps-bar" aria-labelledby="steps-heading" data-testid="steps-bar">
      <h2 id="steps-heading" className="steps-bar__title">
        {t("steps.title")}
      </h2>
      {transitions.isError && <ProblemAlert error={transitions.error} onRetry={() => void transitions.refetch()} />}
      {transitions.data && options.length === 0 && <p className="muted small">{t("steps.none")}</p>}
      {ready.length > 0 && (
        <div className="steps-bar__buttons">
          {ready.map((option) => (
            <button
              key={option.key}
              type="button"
              className={option.to_stage.key === "withdrawn" ? "button button--secondary" : "button button--primary"}
              data-transition={option.key}
              onClick={() => setOpen(option)}
            >
              {option.label}
            </button>
          ))}
        </div>
      )}
      {blocked.map((option) => (
        <div key={option.key} className="step-blocked" data-transition={option.key} data-testid="step-blocked">
          <p className="step-blocked__title">
            {t("steps.notYet", { step: option.label, stage: option.to_stage.label })}
          </p>
          <ul className="unmet-list" aria-label={t("steps.missing", { step: option.label })}>
            {option.unmet.map((problem) => {
              const target = unmetTarget(problem.field);
              return (
                <li key={`${problem.field}-${problem.code}`} data-field={problem.field}>
                  <span className="unmet-list__what">{fieldLabel(problem.field)}</span>: {problem.message}
                  {target && (
                    <>
                      {" "}
                      <button type="button" className="button button--link" onClick={() => onGoTo(target)}>
                        {t("steps.fix", { what: fieldLabel(problem.field) })}
                      </button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {open && (
        <TransitionDialog
          proposal={proposal}
          option={open}
          labels={labels}
          onClose={() => setOpen(null)}
          onDone={(moved) => {
            setOpen(null);
            onMoved(moved);
          }}
        />
      )}
    </section>
  );
}
