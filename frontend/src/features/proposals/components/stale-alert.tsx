import { useTranslation } from "react-i18next";

import { problemMessage } from "@/components/problem-alert";
import type { CallField } from "@/features/proposals/api/get-call";
import type { VersionedProposal } from "@/features/proposals/api/get-proposal";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { isAnswerField, type FieldName } from "@/features/proposals/utils/proposal-form";
import type { ApiProblem } from "@/lib/problem";

export type Stale = {
  problem: ApiProblem;
  /** The current version, or null when it could not be read. */
  latest: VersionedProposal | null;
  /** The fields someone else changed since the form was opened. */
  theirs: FieldName[];
  /** Of those, the ones the person changed too, to another value. */
  conflicts: FieldName[];
};

type StaleAlertProps = {
  stale: Stale;
  labels: Labels;
  fields: readonly CallField[];
  onKeep: () => void;
  onReload: () => void;
};

/** The save was refused (412): who changed what, and the two ways on — the person's edits are still in the form. */
export function StaleAlert({ stale, labels, fields, onKeep, onReload }: StaleAlertProps) {
  const { t } = useTranslation("proposals");
  const { t: tShared } = useTranslation();
  const name = (field: FieldName) =>
    labels.field(
      field,
      isAnswerField(field) ? fields.find((candidate) => `answers.${candidate.key}` === field)?.label : undefined,
    );

  return (
    <div role="alert" className="alert alert--error stale-alert" data-testid="stale-alert">
      <p className="alert__title">{t("editor.stale.title")}</p>
      <p className="alert__body">{problemMessage(stale.problem, tShared("status.networkError"))}</p>
      {stale.latest && stale.theirs.length > 0 && (
        <>
          <p className="alert__body">{t("editor.stale.theyChanged")}</p>
          <ul className="stale-alert__fields" aria-label={t("editor.stale.listLabel")}>
            {stale.theirs.map((field) => (
              <li key={field} data-field={field} data-conflict={stale.conflicts.includes(field)}>
                {name(field)}
                {stale.conflicts.includes(field) && <strong> — {t("editor.stale.youToo")}</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
      {stale.latest && stale.theirs.length === 0 && <p className="alert__body">{t("editor.stale.otherParts")}</p>}
      <p className="alert__body">{t("editor.stale.editsKept")}</p>
      <div className="alert__actions">
        {stale.latest && (
          <button type="button" className="button button--primary" onClick={onKeep}>
            {t("editor.stale.keep")}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onReload}>
          {t("editor.stale.reload")}
        </button>
      </div>
    </div>
  );
}
