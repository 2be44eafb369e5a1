import { useTranslation } from "react-i18next";

import { removeAt, replaceAt, type SectionProps } from "@/features/calls/components/call-form-parts";
import { CheckField, FormField } from "@/features/calls/components/form-field";
import { RowButtons } from "@/features/calls/components/row-buttons";
import { emptyField, FIELD_TYPES, move, TEXT_FIELD_TYPES, type FieldDraft } from "@/features/calls/utils/call-form";
import { unclaimedProblems } from "@/features/calls/utils/problems";

const INPUTS = ["key", "label", "help_text", "type", "required", "private_to_evaluators", "frozen_after", "options", "max_length"];

/** The call's own questions on the proposal form: add, remove, reorder; type, required, private, frozen. */
export function FieldsSection({ draft, problems, onChange, onRowsMoved }: SectionProps) {
  const { t } = useTranslation("calls");
  const sectionProblems = Object.entries(problems)
    .filter(([path]) => path === "fields")
    .map(([, message]) => message);

  const set = (index: number, patch: Partial<FieldDraft>) =>
    onChange((d) => ({ ...d, fields: replaceAt(d.fields, index, patch) }));

  return (
    <fieldset className="record-form__group" data-section="fields">
      <legend>{t("form.fields")}</legend>
      <p className="field__hint">{t("form.fieldsHint")}</p>
      {sectionProblems.length > 0 && (
        <ul className="section-problems">
          {sectionProblems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {draft.fields.length === 0 && <p className="muted">{t("form.noFields")}</p>}
      <ol className="list-editor">
        {draft.fields.map((field, i) => {
          const name = t("form.fieldName", { number: i + 1 });
          const at = (input: string) => problems[`fields.${i}.${input}`];
          const rowProblems = unclaimedProblems(
            problems,
            `fields.${i}`,
            INPUTS.map((input) => `fields.${i}.${input}`),
          );
          const invalid = rowProblems.length > 0 || INPUTS.some((input) => at(input));
          return (
            <li key={field.uid} className="list-editor__item" data-field-row={i} data-invalid={invalid || undefined}>
              <div className="list-editor__head">
                <h3 className="list-editor__title">
                  {name}
                  {field.label.trim() && <span className="muted">: {field.label}</span>}
                </h3>
                <RowButtons
                  name={name}
                  index={i}
                  count={draft.fields.length}
                  onMove={(offset) => {
                    onChange((d) => ({ ...d, fields: move(d.fields, i, offset) }));
                    onRowsMoved();
                  }}
                  onRemove={() => {
                    onChange((d) => ({ ...d, fields: removeAt(d.fields, i) }));
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
                <FormField label={t("form.fieldKey")} error={at("key")} hint={t("form.keyHint")}>
                  {(control) => (
                    <input {...control} value={field.key} autoComplete="off" onChange={(e) => set(i, { key: e.target.value })} />
                  )}
                </FormField>
                <FormField label={t("form.fieldLabel")} error={at("label")}>
                  {(control) => <input {...control} value={field.label} onChange={(e) => set(i, { label: e.target.value })} />}
                </FormField>
                <FormField label={t("form.fieldType")} error={at("type")}>
                  {(control) => (
                    <select
                      {...control}
                      value={field.type}
                      onChange={(e) => set(i, { type: FIELD_TYPES.find((type) => type === e.target.value) ?? field.type })}
                    >
                      {FIELD_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`fieldType.${type}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                <FormField label={t("form.frozenAfter")} error={at("frozen_after")} hint={t("form.frozenAfterHint")}>
                  {(control) => (
                    <input
                      {...control}
                      type="datetime-local"
                      value={field.frozen_after}
                      onChange={(e) => set(i, { frozen_after: e.target.value })}
                    />
                  )}
                </FormField>
                {TEXT_FIELD_TYPES.includes(field.type) && (
                  <FormField label={t("form.maxLength")} error={at("max_length")} hint={t("form.maxLengthHint")}>
                    {(control) => (
                      <input
                        {...control}
                        inputMode="numeric"
                        value={field.max_length}
                        onChange={(e) => set(i, { max_length: e.target.value })}
                      />
                    )}
                  </FormField>
                )}
                <CheckField
                  label={t("form.required")}
                  checked={field.required}
                  error={at("required")}
                  onChange={(checked) => set(i, { required: checked })}
                />
                <CheckField
                  label={t("form.private")}
                  checked={field.private_to_evaluators}
                  error={at("private_to_evaluators")}
                  onChange={(checked) => set(i, { private_to_evaluators: checked })}
                />
                {field.type === "choice" && (
                  <FormField label={t("form.options")} error={at("options")} hint={t("form.optionsHint")} className="record-form__wide">
                    {(control) => (
                      <textarea {...control} rows={3} value={field.options} onChange={(e) => set(i, { options: e.target.value })} />
                    )}
                  </FormField>
                )}
                <FormField label={t("form.helpText")} error={at("help_text")} className="record-form__wide">
                  {(control) => (
                    <input {...control} value={field.help_text} onChange={(e) => set(i, { help_text: e.target.value })} />
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
          onClick={() => onChange((d) => ({ ...d, fields: [...d.fields, emptyField()] }))}
        >
          {t("form.addField")}
        </button>
      </p>
    </fieldset>
  );
}
