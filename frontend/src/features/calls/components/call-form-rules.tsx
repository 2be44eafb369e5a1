import { useTranslation } from "react-i18next";

import type { SectionProps } from "@/features/calls/components/call-form-parts";
import { CheckField, FormField } from "@/features/calls/components/form-field";
import { FEEDBACK_POLICIES, move, PRIORITY_CODES, type CallDraft } from "@/features/calls/utils/call-form";
import { unclaimedProblems } from "@/features/calls/utils/problems";

type NumberRule =
  | "min_partner_regions"
  | "max_proposals_per_region"
  | "min_evaluators"
  | "divergence_threshold"
  | "overall_threshold"
  | "selected_count"
  | "reserve_count"
  | "max_selected_per_region";

const ELIGIBILITY: NumberRule[] = ["min_partner_regions", "max_proposals_per_region"];
const EVALUATION: NumberRule[] = ["min_evaluators", "divergence_threshold", "overall_threshold"];
const SELECTION: NumberRule[] = ["selected_count", "reserve_count", "max_selected_per_region"];
const DECIMALS = new Set<NumberRule>(["divergence_threshold", "overall_threshold"]);

/** Who may apply, how proposals are evaluated and how many are chosen, as numbers and choices. */
export function RulesSection({ draft, problems, onChange }: SectionProps) {
  const { t } = useTranslation("calls");

  const number = (name: NumberRule) => (
    <FormField key={name} label={t(`form.rule.${name}`)} error={problems[name]} hint={t(`form.ruleHint.${name}`)}>
      {(control) => (
        <input
          {...control}
          name={name}
          inputMode={DECIMALS.has(name) ? "decimal" : "numeric"}
          value={draft[name]}
          onChange={(e) => onChange((d) => ({ ...d, [name]: e.target.value }))}
        />
      )}
    </FormField>
  );

  const tieBreakProblems = unclaimedProblems(problems, "tie_breaks", []);
  return (
    <fieldset className="record-form__group" data-section="rules">
      <legend>{t("form.rules")}</legend>
      <div className="record-form__grid">{ELIGIBILITY.map(number)}</div>
      <div className="record-form__grid">
        {EVALUATION.map(number)}
        <CheckField
          label={t("form.rule.exclude_own_region_evaluators")}
          name="exclude_own_region_evaluators"
          checked={draft.exclude_own_region_evaluators}
          error={problems.exclude_own_region_evaluators}
          onChange={(checked) => onChange((d) => ({ ...d, exclude_own_region_evaluators: checked }))}
        />
      </div>
      <div className="record-form__grid">
        {SELECTION.map(number)}
        <FormField label={t("form.rule.feedback_policy")} error={problems.feedback_policy}>
          {(control) => (
            <select
              {...control}
              name="feedback_policy"
              value={draft.feedback_policy}
              onChange={(e) =>
                onChange((d) => ({
                  ...d,
                  feedback_policy: FEEDBACK_POLICIES.find((policy) => policy === e.target.value) ?? d.feedback_policy,
                }))
              }
            >
              {FEEDBACK_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`feedback.${policy}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="checkbox-group" data-group="tie_breaks">
        <legend>{t("form.tieBreaks")}</legend>
        <p className="field__hint">{t("form.tieBreaksHint")}</p>
        {tieBreakProblems.length > 0 && (
          <ul className="section-problems">
            {tieBreakProblems.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
        <ol className="tie-break-list">
          {draft.tie_breaks.map((item, i) => {
            const name = t(`tieBreak.${item.rule}`);
            return (
              <li key={item.rule} data-tie-break={item.rule}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="tie_breaks"
                    value={item.rule}
                    checked={item.used}
                    onChange={(e) =>
                      onChange((d) => ({
                        ...d,
                        tie_breaks: d.tie_breaks.map((other) =>
                          other.rule === item.rule ? { ...other, used: e.target.checked } : other,
                        ),
                      }))
                    }
                  />
                  {name}
                </label>
                <span className="row-actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t("form.moveUp", { name })}
                    disabled={i === 0}
                    onClick={() => onChange((d) => ({ ...d, tie_breaks: move(d.tie_breaks, i, -1) }))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t("form.moveDown", { name })}
                    disabled={i === draft.tie_breaks.length - 1}
                    onClick={() => onChange((d) => ({ ...d, tie_breaks: move(d.tie_breaks, i, 1) }))}
                  >
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      </fieldset>
    </fieldset>
  );
}

/** The thematic priorities proposals must address (at least one of them). */
export function PrioritiesSection({ draft, problems, onChange }: SectionProps) {
  const { t } = useTranslation("calls");
  const sectionProblems = unclaimedProblems(problems, "eligible_priorities", []);

  function toggle(d: CallDraft, code: (typeof PRIORITY_CODES)[number], on: boolean): CallDraft {
    const chosen = new Set(d.eligible_priorities);
    if (on) chosen.add(code);
    else chosen.delete(code);
    return { ...d, eligible_priorities: PRIORITY_CODES.filter((item) => chosen.has(item)) };
  }

  return (
    <fieldset className="record-form__group" data-section="priorities">
      <legend>{t("form.priorities")}</legend>
      <p className="field__hint">{t("form.prioritiesHint")}</p>
      {sectionProblems.length > 0 && (
        <ul className="section-problems">
          {sectionProblems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="checkbox-group">
        {PRIORITY_CODES.map((code) => (
          <label key={code} className="checkbox">
            <input
              type="checkbox"
              name="eligible_priorities"
              value={code}
              checked={draft.eligible_priorities.includes(code)}
              onChange={(e) => onChange((d) => toggle(d, code, e.target.checked))}
            />
            {t(`priority.${code}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
