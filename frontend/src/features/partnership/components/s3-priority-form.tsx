import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import { useCreateS3Priority } from "@/features/partnership/api/create-s3-priority";
import type { S3Priority } from "@/features/partnership/api/get-region";
import { useUpdateS3Priority } from "@/features/partnership/api/update-s3-priority";
import { FormActions } from "@/features/partnership/components/form-actions";
import { FormField } from "@/features/partnership/components/form-field";
import { apiFieldErrors, mergeFieldErrors } from "@/features/partnership/utils/form-problems";
import { PRIORITY_CODES, usePriorityName } from "@/features/partnership/utils/priority-names";

type S3PriorityFormProps = {
  regionCode: string;
  priority?: S3Priority;
  onDone: () => void;
};

type Draft = { title: string; description: string; thematic: string[]; source: string; position: string };

function draftOf(priority?: S3Priority): Draft {
  return {
    title: priority?.title ?? "",
    description: priority?.description ?? "",
    thematic: priority?.thematic_priorities ?? [],
    source: priority?.source ?? "",
    position: priority ? String(priority.position) : "",
  };
}

/** Adds or changes one of the region's S3 priorities and the thematic priorities it serves. */
export function S3PriorityForm({ regionCode, priority, onDone }: S3PriorityFormProps) {
  const { t } = useTranslation("regions");
  const priorityName = usePriorityName();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(priority));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useCreateS3Priority(regionCode);
  const update = useUpdateS3Priority(regionCode);
  const mutation = priority ? update : create;
  const errors = mergeFieldErrors(localErrors, apiFieldErrors(mutation.error));
  const thematicErrorId = `${id}-thematic-error`;

  useEffect(() => headingRef.current?.focus(), []);

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function toggle(code: string, on: boolean) {
    setDraft((current) => ({
      ...current,
      thematic: on ? [...current.thematic, code] : current.thematic.filter((candidate) => candidate !== code),
    }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.title.trim()) found.title = t("form.required");
    if (!draft.source.trim()) found.source = t("form.required");
    if (draft.position.trim() && !/^\d{1,4}$/.test(draft.position.trim())) found.position = t("s3.form.positionInvalid");
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = {
      title: draft.title.trim(),
      description: draft.description.trim() || null,
      thematic_priorities: PRIORITY_CODES.filter((code) => draft.thematic.includes(code)),
      source: draft.source.trim(),
      ...(draft.position.trim() ? { position: Number(draft.position.trim()) } : {}),
    };
    if (priority) update.mutate({ id: priority.id, body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  }

  const general = mutation.error && Object.keys(apiFieldErrors(mutation.error)).length === 0;
  return (
    <form className="panel record-form" aria-labelledby={`${id}-title`} onSubmit={handleSubmit} noValidate>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="record-form__title">
        {priority ? t("s3.form.editTitle", { title: priority.title }) : t("s3.form.addTitle")}
      </h3>
      {mutation.error && <ProblemAlert error={mutation.error} title={general ? undefined : t("form.fixFields")} />}
      <div className="record-form__grid">
        <FormField label={t("s3.form.title")} error={errors.title} className="record-form__wide">
          {(control) => (
            <input {...control} name="title" value={draft.title} onChange={(e) => set("title", e.target.value)} />
          )}
        </FormField>
        <FormField label={t("s3.form.description")} error={errors.description} className="record-form__wide">
          {(control) => (
            <textarea
              {...control}
              name="description"
              rows={3}
              value={draft.description}
              onChange={(e) => set("description", e.target.value)}
            />
          )}
        </FormField>
        <fieldset
          className="field record-form__wide checkbox-group"
          aria-describedby={errors.thematic_priorities ? thematicErrorId : undefined}
        >
          <legend>{t("s3.form.thematic")}</legend>
          {PRIORITY_CODES.map((code) => (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                name="thematic_priorities"
                value={code}
                checked={draft.thematic.includes(code)}
                onChange={(e) => toggle(code, e.target.checked)}
              />
              {priorityName(code)}
            </label>
          ))}
          {errors.thematic_priorities && (
            <p id={thematicErrorId} className="field__error">
              {errors.thematic_priorities}
            </p>
          )}
        </fieldset>
        <FormField
          label={t("s3.form.source")}
          error={errors.source}
          hint={t("s3.form.sourceHint")}
          className="record-form__wide"
        >
          {(control) => (
            <textarea
              {...control}
              name="source"
              rows={2}
              value={draft.source}
              onChange={(e) => set("source", e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("s3.form.position")} error={errors.position} hint={t("s3.form.positionHint")}>
          {(control) => (
            <input
              {...control}
              name="position"
              inputMode="numeric"
              value={draft.position}
              onChange={(e) => set("position", e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormActions saving={mutation.isPending} onCancel={onDone} />
    </form>
  );
}
