import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import { useDeleteS3Priority } from "@/features/partnership/api/delete-s3-priority";
import type { S3Priority } from "@/features/partnership/api/get-region";
import { ConfirmDelete } from "@/features/partnership/components/confirm-delete";
import { S3PriorityForm } from "@/features/partnership/components/s3-priority-form";
import { isDemoText, usePriorityName } from "@/features/partnership/utils/priority-names";

type S3PrioritiesSectionProps = {
  regionCode: string;
  priorities: S3Priority[];
  canManage: boolean;
};

type Editing = { mode: "add" } | { mode: "edit"; priority: S3Priority } | null;

/** The region's smart-specialisation priorities, tagged with the partnership's thematic priorities. */
export function S3PrioritiesSection({ regionCode, priorities, canManage }: S3PrioritiesSectionProps) {
  const { t } = useTranslation("regions");
  const priorityName = usePriorityName();
  const headingId = useId();
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useDeleteS3Priority(regionCode);

  return (
    <section className="section profile-section" aria-labelledby={headingId}>
      <div className="profile-section__header">
        <h2 id={headingId}>{t("s3.heading")}</h2>
        {canManage && editing === null && (
          <button type="button" className="button button--secondary" onClick={() => setEditing({ mode: "add" })}>
            {t("s3.add")}
          </button>
        )}
      </div>
      <p className="muted">{t("s3.note")}</p>

      {remove.error && <ProblemAlert error={remove.error} title={t("s3.deleteFailed")} />}
      {priorities.length === 0 ? (
        <p className="panel panel--quiet">{canManage ? t("s3.emptyManager") : t("s3.empty")}</p>
      ) : (
        <ol className="s3-list">
          {priorities.map((priority) => (
            <li key={priority.id} className="s3-list__item" data-s3-priority-id={priority.id}>
              <div className="s3-list__head">
                <h3 className="s3-list__title">{priority.title}</h3>
                {isDemoText(priority.source, priority.title) && (
                  <span className="badge badge--demo">{t("common.demo")}</span>
                )}
              </div>
              {priority.description && <p className="s3-list__description">{priority.description}</p>}
              {priority.thematic_priorities.length > 0 ? (
                <ul className="tag-list" aria-label={t("s3.thematicLabel")}>
                  {priority.thematic_priorities.map((code) => (
                    <li key={code} className="tag" data-priority-code={code}>
                      {priorityName(code)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">{t("s3.noThematic")}</p>
              )}
              <p className="s3-list__source small">
                <span className="s3-list__source-label">{t("common.source")}:</span> {priority.source}
              </p>
              {canManage && (
                <div className="s3-list__actions">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t("form.editName", { name: priority.title })}
                    onClick={() => setEditing({ mode: "edit", priority })}
                  >
                    {t("form.edit")}
                  </button>
                  <ConfirmDelete
                    name={priority.title}
                    pending={remove.isPending && remove.variables === priority.id}
                    onConfirm={() => remove.mutate(priority.id)}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}

      {canManage && editing && (
        <S3PriorityForm
          key={editing.mode === "edit" ? editing.priority.id : "new"}
          regionCode={regionCode}
          priority={editing.mode === "edit" ? editing.priority : undefined}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}
