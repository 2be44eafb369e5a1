import { useTranslation } from "react-i18next";

import { removeAt, replaceAt, type SectionProps } from "@/features/calls/components/call-form-parts";
import { FormField } from "@/features/calls/components/form-field";
import { RowButtons } from "@/features/calls/components/row-buttons";
import { emptyCriterion, move, type CriterionDraft } from "@/features/calls/utils/call-form";
import { unclaimedProblems } from "@/features/calls/utils/problems";
import { weightShares } from "@/features/calls/utils/weights";
import { formatPercent } from "@/lib/intl";

const INPUTS = ["key", "title", "description", "weight", "threshold"];

/** The criteria with weight and threshold; each weight's share of the total is shown as it is typed. */
export function RubricSection({ draft, problems, onChange, onRowsMoved }: SectionProps) {
  const { t, i18n } = useTranslation("calls");
  const shares = weightShares(draft.criteria.map((criterion) => criterion.weight));
  const sectionProblems = Object.entries(problems)
    .filter(([path]) => path === "criteria")
    .map(([, message]) => message);

  const set = (index: number, patch: Partial<CriterionDraft>) =>
    onChange((d) => ({ ...d, criteria: replaceAt(d.criteria, index, patch) }));

  return (
    <fieldset className="record-form__group" data-section="rubric">
      <legend>{t("form.rubric")}</legend>
      <p className="field__hint">{t("form.rubricHint")}</p>
      {sectionProblems.length > 0 && (
        <ul className="section-problems" role="list">
          {sectionProblems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {draft.criteria.length === 0 && <p className="muted">{t("form.noCriteria")}</p>}
      <ol className="list-editor">
        {draft.criteria.map((criterion, i) => {
          const name = t("form.criterionName", { number: i + 1 });
          const at = (input: string) => problems[`criteria.${i}.${input}`];
          const share = shares[i];
          const shareText = share === null || share === undefined ? "—" : formatPercent(share, i18n.language);
          const rowProblems = unclaimedProblems(
            problems,
            `criteria.${i}`,
            INPUTS.map((input) => `criteria.${i}.${input}`),
          );
          const invalid = rowProblems.length > 0 || INPUTS.some((input) => at(input));
          return (
            <li key={criterion.uid} className="list-editor__item" data-criterion-row={i} data-invalid={invalid || undefined}>
              <div className="list-editor__head">
                <h3 className="list-editor__title">
                  {name}
                  {criterion.title.trim() && <span className="muted">: {criterion.title}</span>}{" "}
                  <span className="share" data-share>
                    {t("form.share", { share: shareText })}
                  </span>
                </h3>
                <RowButtons
                  name={name}
                  index={i}
                  count={draft.criteria.length}
                  onMove={(offset) => {
                    onChange((d) => ({ ...d, criteria: move(d.criteria, i, offset) }));
                    onRowsMoved();
                  }}
                  onRemove={() => {
                    onChange((d) => ({ ...d, criteria: removeAt(d.criteria, i) }));
                    onRowsMoved();
                  }}
                />
              </div>
              {rowProblems.length > 0 && (
                <ul className="section-problems">
                  {rowProblems.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
              <div className="record-form__grid">
                <FormField label={t("form.criterionKey")} error={at("key")} hint={t("form.keyHint")}>
                  {(control) => (
                    <input {...control} value={criterion.key} autoComplete="off" onChange={(e) => set(i, { key: e.target.value })} />
                  )}
                </FormField>
                <FormField label={t("form.criterionTitle")} error={at("title")}>
                  {(control) => <input {...control} value={criterion.title} onChange={(e) => set(i, { title: e.target.value })} />}
                </FormField>
                <FormField
                  label={t("form.weight")}
                  error={at("weight")}
                  hint={t("form.weightHint", { share: shareText })}
                >
                  {(control) => (
                    <input
                      {...control}
                      inputMode="decimal"
                      value={criterion.weight}
                      onChange={(e) => set(i, { weight: e.target.value })}
                    />
                  )}
                </FormField>
                <FormField label={t("form.threshold")} error={at("threshold")} hint={t("form.thresholdHint")}>
                  {(control) => (
                    <input
                      {...control}
                      inputMode="decimal"
                      value={criterion.threshold}
                      onChange={(e) => set(i, { threshold: e.target.value })}
                    />
                  )}
                </FormField>
                <FormField label={t("form.criterionDescription")} error={at("description")} className="record-form__wide">
                  {(control) => (
                    <textarea
                      {...control}
                      rows={2}
                      value={criterion.description}
                      onChange={(e) => set(i, { description: e.target.value })}
                    />
                  )}
                </FormField>
              </div>
            </li>
          );
        })}
      </ol>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange((d) => ({ ...d, criteria: [...d.criteria, emptyCriterion()] }))}
        >
          {t("form.addCriterion")}
        </button>
      </p>
    </fieldset>
  );
}
