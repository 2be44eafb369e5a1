import { useTranslation } from "react-i18next";

import type { Phase } from "@/features/calls/api/get-calls";
import { orderedPhases, phaseState } from "@/features/calls/utils/phases";
import { formatDateTime } from "@/lib/intl";

/** "Dec 1, 2026, 9:00 AM – Jan 31, 2027, 5:00 PM" in the user's language and time zone. */
export function PhaseDates({ phase }: { phase: Phase }) {
  const { t, i18n } = useTranslation("calls");
  return (
    <span>
      {t("phase.dates", {
        opens: formatDateTime(phase.opens_at, i18n.language),
        closes: formatDateTime(phase.closes_at, i18n.language),
      })}
    </span>
  );
}

/** The call's phases in order on a small timeline: each with its dates and whether it is over, open or to come. */
export function PhaseTimeline({ phases, now = new Date() }: { phases: readonly Phase[]; now?: Date }) {
  const { t } = useTranslation("calls");
  if (phases.length === 0) return <p className="muted">{t("detail.noPhases")}</p>;
  return (
    <ol className="phase-timeline" aria-label={t("detail.phases")}>
      {orderedPhases(phases).map((phase) => {
        const state = phaseState(phase, now);
        return (
          <li
            key={phase.kind}
            className="phase-timeline__item"
            data-phase={phase.kind}
            data-state={state}
            aria-current={state === "current" ? "step" : undefined}
          >
            <p className="phase-timeline__name">{t(`phase.${phase.kind}`)}</p>
            <p className="phase-timeline__dates">
              <PhaseDates phase={phase} />
            </p>
            <p className="phase-timeline__state">{t(`phaseState.${state}`)}</p>
          </li>
        );
      })}
    </ol>
  );
}
