import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import type { Call } from "@/features/proposals/api/get-call";
import { proposalQueryOptions, type VersionedProposal } from "@/features/proposals/api/get-proposal";
import { useUpdateProposal } from "@/features/proposals/api/update-proposal";
import { AnswerInput } from "@/features/proposals/components/answer-input";
import { EuroInput } from "@/features/proposals/components/euro-input";
import { FieldFrame } from "@/features/proposals/components/field-frame";
import { StaleAlert, type Stale } from "@/features/proposals/components/stale-alert";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import {
  answerField,
  changedFields,
  fieldOfProblem,
  formValues,
  isFrozen,
  LIMITS,
  patchOf,
  rebase,
  validate,
  type FieldName,
  type FieldValue,
  type FormValues,
} from "@/features/proposals/utils/proposal-form";
import { PRIORITY_CODES, TRL_LEVELS, VALUE_CHAIN_STEPS } from "@/features/proposals/utils/vocabulary";
import { formatDateTime } from "@/lib/intl";
import { ApiProblem } from "@/lib/problem";

type Base = { versioned: VersionedProposal; values: FormValues };

type ProposalEditorProps = {
  versioned: VersionedProposal;
  call: Call;
  mayReadPrivate: boolean;
  labels: Labels;
};

function focusField(name: string) {
  const scope = `[data-field="${CSS.escape(name)}"]`;
  document.querySelector<HTMLElement>(`${scope} input:not(:disabled), ${scope} select, ${scope} textarea`)?.focus();
}

/**
 * The proposal's fields and the call's own questions. Saving sends only what changed, with If-Match: when
 * someone else saved first (412), the edits stay, the alert says what they changed, and the person chooses to keep
 * their changes on top of the current version or to reload it.
 */
export function ProposalEditor({ versioned, call, mayReadPrivate, labels }: ProposalEditorProps) {
  const { t } = useTranslation("proposals");
  const { language } = labels;
  const queryClient = useQueryClient();
  const update = useUpdateProposal(versioned.proposal.id);
  const fields = call.fields;
  const [base, setBase] = useState<Base>(() => ({ versioned, values: formValues(versioned.proposal, fields, language) }));
  const [values, setValues] = useState<FormValues>(base.values);
  const [checked, setChecked] = useState(false);
  const [stale, setStale] = useState<Stale | null>(null);
  const [notice, setNotice] = useState("");

  // a newer version arrived (a partner was invited, a step taken, a reload): take it in, keeping the person's edits
  // unless they touch a field that changed there too (then the save's 412 brings the choice)
  if (versioned.etag !== base.versioned.etag && !stale && !update.isPending) {
    const latest = formValues(versioned.proposal, fields, language);
    const merged = rebase(base.values, latest, values, fields, language);
    if (merged.conflicts.length === 0) {
      setBase({ versioned, values: latest });
      setValues(merged.values);
    }
  }

  const problems = checked ? validate(values, fields, language) : {};
  const serverProblems: Record<string, string> = {};
  if (update.error instanceof ApiProblem && update.error.status === 422) {
    for (const error of update.error.problem.errors ?? []) serverProblems[fieldOfProblem(error.field)] ??= error.message;
  }
  const errorOf = (name: FieldName) => {
    const problem = problems[name];
    return problem ? t(problem.key as "editor.problems.required", problem.values) : serverProblems[name];
  };
  const dirty = changedFields(base.values, values, fields, language);

  function set(name: FieldName, value: FieldValue) {
    setNotice("");
    setValues((current) => ({ ...current, [name]: value }));
  }

  function toggle(name: "priorities" | "value_chain", code: string) {
    const current = values[name];
    const list = Array.isArray(current) ? current : [];
    set(name, list.includes(code) ? list.filter((other) => other !== code) : [...list, code]);
  }

  function save() {
    setChecked(true);
    const found = validate(values, fields, language);
    const first = Object.keys(found)[0];
    if (first) {
      focusField(first);
      return;
    }
    const patch = patchOf(base.values, values, fields, language);
    if (Object.keys(patch).length === 0) {
      setNotice(t("editor.nothingToSave"));
      return;
    }
    update.mutate(
      { etag: base.versioned.etag, patch },
      {
        onSuccess: (saved) => {
          const savedValues = formValues(saved.proposal, fields, language);
          setBase({ versioned: saved, values: savedValues });
          setValues(savedValues);
          setChecked(false);
          setNotice(t("editor.saved"));
        },
        onError: (error) => {
          if (!(error instanceof ApiProblem) || error.status !== 412) return;
          void queryClient
            .fetchQuery({ ...proposalQueryOptions(versioned.proposal.id), staleTime: 0 })
            .then((latest) => {
              const merged = rebase(base.values, formValues(latest.proposal, fields, language), values, fields, language);
              setStale({ problem: error, latest, theirs: merged.theirs, conflicts: merged.conflicts });
            })
            .catch(() => setStale({ problem: error, latest: null, theirs: [], conflicts: [] }));
        },
      },
    );
  }

  function keepMine() {
    if (!stale?.latest) return;
    const latest = formValues(stale.latest.proposal, fields, language);
    setValues(rebase(base.values, latest, values, fields, language).values);
    setBase({ versioned: stale.latest, values: latest });
    setStale(null);
    update.reset();
    setNotice(t("editor.stale.kept"));
  }

  function reload() {
    const apply = (latest: VersionedProposal) => {
      const latestValues = formValues(latest.proposal, fields, language);
      setBase({ versioned: latest, values: latestValues });
      setValues(latestValues);
      setStale(null);
      setChecked(false);
      update.reset();
      setNotice(t("editor.stale.reloaded"));
    };
    if (stale?.latest) apply(stale.latest);
    else void queryClient.fetchQuery({ ...proposalQueryOptions(versioned.proposal.id), staleTime: 0 }).then(apply);
  }

  const text = (name: FieldName) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  const list = (name: FieldName) => {
    const value = values[name];
    return Array.isArray(value) ? value : [];
  };
  const eligible = new Set(call.eligible_priorities);
  const priorityChoices = PRIORITY_CODES.filter((code) => eligible.has(code) || list("priorities").includes(code));

  return (
    <form
      className="form proposal-editor"
      aria-label={t("editor.formLabel")}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {stale && <StaleAlert stale={stale} labels={labels} fields={fields} onKeep={keepMine} onReload={reload} />}
      {update.isError && !stale && !(update.error instanceof ApiProblem && update.error.status === 412) && (
        <ProblemAlert error={update.error} title={t("editor.failed")} />
      )}

      <div className="form__grid">
        <FieldFrame name="title" label={t("fields.title")} requiredToSubmit error={errorOf("title")}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={LIMITS.title}
              value={text("title")}
              onChange={(event) => set("title", event.target.value)}
            />
          )}
        </FieldFrame>
        <FieldFrame name="acronym" label={t("fields.acronym")} error={errorOf("acronym")}>
          {(control) => (
            <input
              {...control}
              className="input input--short"
              maxLength={LIMITS.acronym}
              value={text("acronym")}
              onChange={(event) => set("acronym", event.target.value)}
            />
          )}
        </FieldFrame>
      </div>

      <FieldFrame
        name="summary"
        label={t("fields.summary")}
        requiredToSubmit
        notes={[t("editor.characters", { count: text("summary").length, max: LIMITS.summary })]}
        error={errorOf("summary")}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={8}
            maxLength={LIMITS.summary}
            value={text("summary")}
            onChange={(event) => set("summary", event.target.value)}
          />
        )}
      </FieldFrame>

      <FieldFrame
        name="priorities"
        label={t("fields.priorities")}
        requiredToSubmit
        group
        notes={[t("editor.prioritiesHint", { call: call.code })]}
        error={errorOf("priorities")}
      >
        {() => (
          <div className="choice-grid">
            {priorityChoices.map((code) => (
              <label key={code} className="choice-row__option">
                <input
                  type="checkbox"
                  name="priorities"
                  value={code}
                  checked={list("priorities").includes(code)}
                  onChange={() => toggle("priorities", code)}
                />
                {labels.priority(code)}
                {!eligible.has(code) && <span className="muted small"> {t("editor.notEligible")}</span>}
              </label>
            ))}
          </div>
        )}
      </FieldFrame>

      <FieldFrame name="value_chain" label={t("fields.value_chain")} group error={errorOf("value_chain")}>
        {() => (
          <div className="choice-grid">
            {VALUE_CHAIN_STEPS.map((code) => (
              <label key={code} className="choice-row__option">
                <input
                  type="checkbox"
                  name="value_chain"
                  value={code}
                  checked={list("value_chain").includes(code)}
                  onChange={() => toggle("value_chain", code)}
                />
                {labels.step(code)}
              </label>
            ))}
          </div>
        )}
      </FieldFrame>

      <div className="form__grid form__grid--three">
        <FieldFrame name="trl" label={t("fields.trl")} requiredToSubmit notes={[t("editor.trlHint")]} error={errorOf("trl")}>
          {(control) => (
            <select {...control} className="select" value={text("trl")} onChange={(event) => set("trl", event.target.value)}>
              <option value="">{t("editor.noAnswer")}</option>
              {TRL_LEVELS.map((level) => (
                <option key={level} value={String(level)}>
                  {t("editor.trlLevel", { level })}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <FieldFrame
          name="budget_eur"
          label={t("fields.budget_eur")}
          requiredToSubmit
          notes={[t("editor.eurosHint")]}
          error={errorOf("budget_eur")}
        >
          {(control) => (
            <EuroInput {...control} value={text("budget_eur")} language={language} onChange={(value) => set("budget_eur", value)} />
          )}
        </FieldFrame>
        <FieldFrame
          name="requested_eur"
          label={t("fields.requested_eur")}
          requiredToSubmit
          notes={[t("editor.requestedHint")]}
          error={errorOf("requested_eur")}
        >
          {(control) => (
            <EuroInput
              {...control}
              value={text("requested_eur")}
              language={language}
              onChange={(value) => set("requested_eur", value)}
            />
          )}
        </FieldFrame>
      </div>

      {fields.length > 0 && (
        <section className="call-questions" aria-labelledby="call-questions-heading">
          <h3 id="call-questions-heading">{t("editor.callQuestions", { call: call.code })}</h3>
          {fields.map((field) => {
            const name = answerField(field.key);
            const frozen = isFrozen(field);
            const hidden = field.private_to_evaluators && !mayReadPrivate;
            return (
              <FieldFrame
                key={field.key}
                name={name}
                label={field.label}
                requiredToSubmit={field.required}
                group={field.type === "boolean"}
                notes={[
                  field.help_text,
                  field.private_to_evaluators && (hidden ? t("editor.privateHidden") : t("editor.private")),
                  field.frozen_after &&
                    (frozen
                      ? t("editor.frozen", { date: formatDateTime(field.frozen_after, language) })
                      : t("editor.freezes", { date: formatDateTime(field.frozen_after, language) })),
                ]}
                error={errorOf(name)}
              >
                {(control) => (
                  <AnswerInput
                    field={field}
                    control={control}
                    value={values[name] ?? null}
                    disabled={frozen || hidden}
                    onChange={(value) => set(name, value)}
                  />
                )}
              </FieldFrame>
            );
          })}
        </section>
      )}

      <div className="form__actions proposal-editor__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending || Boolean(stale)}>
          {update.isPending ? t("editor.saving") : t("editor.save")}
        </button>
        <p className="muted small" role="status" aria-live="polite">
          {notice || (dirty.length > 0 ? t("editor.unsaved", { count: dirty.length }) : "")}
        </p>
      </div>
    </form>
  );
}
