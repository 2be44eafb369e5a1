import { useTranslation } from "react-i18next";

import type { Pipeline, Transition } from "@/features/calls/api/get-call";
import { stagesWithSteps } from "@/features/calls/utils/pipeline";
import { formatList } from "@/lib/intl";

/** The pipeline as an ordered list of stages, each with the steps out of it and who may take them. */
export function PipelineOverview({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation("calls");
  const labels = new Map(pipeline.stages.map((stage) => [stage.key, stage.label]));
  return (
    <ol className="pipeline-list" aria-label={t("detail.pipelineList")}>
      {stagesWithSteps(pipeline.stages, pipeline.transitions).map(({ stage, steps }) => (
        <li key={stage.key} className="pipeline-stage" data-stage={stage.key} data-kind={stage.kind}>
          <p className="pipeline-stage__name">
            {stage.label}{" "}
            <span className="badges">
              {stage.kind !== "active" && <span className="badge">{t(`stageKind.${stage.kind}`)}</span>}
              {stage.editable && <span className="badge badge--accent">{t("pipeline.editableBadge")}</span>}
            </span>
          </p>
          {steps.length > 0 ? (
            <ul className="pipeline-steps" aria-label={t("pipeline.stepsFrom", { stage: stage.label })}>
              {steps.map((step) => (
                <StepLine key={step.key} step={step} target={labels.get(step.to_stage) ?? step.to_stage} />
              ))}
            </ul>
          ) : (
            <p className="muted small">{stage.kind === "terminal" ? t("pipeline.end") : t("pipeline.noSteps")}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

function StepLine({ step, target }: { step: Transition; target: string }) {
  const { t, i18n } = useTranslation("calls");
  const who = formatList(
    step.actors.map((actor) => t(`actor.${actor}`)),
    i18n.language,
  );
  return (
    <li data-transition={step.key}>
      <strong>{t("pipeline.step", { label: step.label, target })}</strong> — {t("pipeline.takenBy", { who })}
      {step.guard && <> · {t(`guard.${step.guard}`)}</>}
      {step.comment_required && <> · {t("pipeline.commentRequired")}</>}
    </li>
  );
}
