import { useTranslation } from "react-i18next";

import type { SectionProps } from "@/features/calls/components/call-form-parts";
import { FormField } from "@/features/calls/components/form-field";
import { PHASE_KINDS } from "@/features/calls/utils/call-form";
import { unclaimedProblems } from "@/features/calls/utils/problems";

/** Opening and closing of the submission, evaluation and decision phases; a phase left empty is not set. */
export function PhasesSection({ draft, problems, onChange }: SectionProps) {
  const { t } = useTranslation("calls");
  const claimed = PHASE_KINDS.flatMap((kind) => [`phases.${kind}.opens_at`, `phases.${kind}.closes_at`]);
  const sectionProblems = unclaimedProblems(problems, "phases", claimed);
  return (
    <fieldset className="record-form__group" data-section="phases">
      <legend>{t("form.phases")}</legend>
      <p className="field__hint">{t("form.phasesHint")}</p>
      {sectionProblems.length > 0 && (
        <ul className="section-problems" aria-label={t("form.sectionProblems", { section: t("form.phases") })}>
          {sectionProblems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {PHASE_KINDS.map((kind) => (
        <div key={kind} className="record-form__grid" data-phase-row={kind}>
          <FormField label={t("form.opens", { phase: t(`phase.${kind}`) })} error={problems[`phases.${kind}.opens_at`]}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                name={`phases.${kind}.opens_at`}
                value={draft.phases[kind].opens_at}
                onChange={(e) =>
                  onChange((d) => ({ ...d, phases: { ...d.phases, [kind]: { ...d.phases[kind], opens_at: e.target.value } } }))
                }
              />
            )}
          </FormField>
          <FormField label={t("form.closes", { phase: t(`phase.${kind}`) })} error={problems[`phases.${kind}.closes_at`]}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                name={`phases.${kind}.closes_at`}
                value={draft.phases[kind].closes_at}
                onChange={(e) =>
                  onChange((d) => ({ ...d, phases: { ...d.phases, [kind]: { ...d.phases[kind], closes_at: e.target.value } } }))
                }
              />
            )}
          </FormField>
        </div>
      ))}
    </fieldset>
  );
}
