import { useTranslation } from "react-i18next";

import { ESCP_STATES, stepIndex } from "@/features/partnership/utils/escp-steps";

/** The cluster's way into ESCP-S3 as steps: done ✓, the current one marked, the ones still ahead. */
export function EscpStepper({ state }: { state: string }) {
  const { t } = useTranslation("regions");
  const current = stepIndex(state);
  return (
    <ol className="stepper" aria-label={t("escp.stepperLabel")}>
      {ESCP_STATES.map((step, index) => {
        const status = index < current ? "done" : index === current ? "current" : "todo";
        return (
          <li
            key={step}
            className={`stepper__step stepper__step--${status}`}
            data-step={step}
            data-status={status}
            aria-current={status === "current" ? "step" : undefined}
          >
            <span className="stepper__marker" aria-hidden="true">
              {status === "done" ? "✓" : index + 1}
            </span>
            <span className="stepper__text">
              <span className="stepper__name">{t(`escp.states.${step}`)}</span>
              <span className="stepper__hint">{t(`escp.hints.${step}`)}</span>
              <span className="visually-hidden">
                {" "}
                ({t(`escp.status.${status}`)})
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
