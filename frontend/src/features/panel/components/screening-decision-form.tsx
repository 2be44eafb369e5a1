import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { problemMessage } from "@/components/problem-alert";
import { useDecideScreening } from "@/features/panel/api/decide-screening";
import type { ScreeningCheck, ScreeningDecision } from "@/features/panel/api/get-screening";
import { FormField } from "@/features/panel/components/form-field";
import { problemsByPath } from "@/features/panel/utils/problems";

/** The service asks this much explanation for an "eligible" over a failed check. */
export const OVERRIDE_REASON_MIN_LENGTH = 30;

type Props = { proposalId: string; checks: readonly ScreeningCheck[]; decision: ScreeningDecision | null };

/** Eligible yes or no, and why; warns when "yes" overrides a failed check, which needs a real explanation. */
export function ScreeningDecisionForm({ proposalId, checks, decision }: Props) {
  const { t } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const groupId = useId();
  const decide = useDecideScreening(proposalId);
  const [eligible, setEligible] = useState<boolean | null>(decision?.eligible ?? null);
  const [reason, setReason] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<boolean | null>(null);
  const failed = checks.filter((check) => check.outcome === "failed");
  const overriding = eligible === true && failed.length > 0;
  const problems = { ...problemsByPath(decide.error), ...local };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const found: Record<string, string> = {};
    if (eligible === null) found.eligible = t("decide.chooseOne");
    if (!reason.trim()) found.reason = t("decide.reasonRequired");
    else if (overriding && reason.trim().length < OVERRIDE_REASON_MIN_LENGTH) {
      found.reason = t("decide.overrideTooShort", { count: OVERRIDE_REASON_MIN_LENGTH });
    }
    setLocal(found);
    if (Object.keys(found).length > 0 || eligible === null) {
      decide.reset();
      return;
    }
    decide.mutate(
      { eligible, reason: reason.trim() },
      {
        onSuccess: (screening) => {
          setReason("");
          setSaved(screening.decision?.eligible ?? eligible);
        },
      },
    );
  }

  return (
    <form className="form-grid" aria-labelledby="screening-decide" onSubmit={handleSubmit} noValidate>
      {saved !== null && (
        <p role="status" className="alert alert--success">
          {saved ? t("decide.savedEligible") : t("decide.savedNotEligible")}
        </p>
      )}
      {decide.isError && (
        <div role="alert" className="alert alert--error">
          <p className="alert__title">{t("decide.failed")}</p>
          <p className="alert__body">{problemMessage(decide.error, tc("status.networkError"))}</p>
        </div>
      )}
      <fieldset
        className="radio-group"
        aria-invalid={problems.eligible ? true : undefined}
        aria-describedby={problems.eligible ? `${groupId}-error` : undefined}
      >
        <legend>{t("decide.question")}</legend>
        <label className="radio">
          <input
            type="radio"
            name="eligible"
            value="yes"
            checked={eligible === true}
            onChange={() => setEligible(true)}
          />
          {t("decide.yes")}
        </label>
        <label className="radio">
          <input
            type="radio"
            name="eligible"
            value="no"
            checked={eligible === false}
            onChange={() => setEligible(false)}
          />
          {t("decide.no")}
        </label>
        {problems.eligible && (
          <p id={`${groupId}-error`} className="field__error">
            {problems.eligible}
          </p>
        )}
      </fieldset>
      {overriding && (
        <div className="alert alert--warning" role="note" data-testid="override-warning">
          <p className="alert__title">{t("decide.overrideTitle")}</p>
          <ul>
            {failed.map((check) => (
              <li key={check.key}>{check.detail}</li>
            ))}
          </ul>
          <p className="alert__body">{t("decide.overrideHelp", { count: OVERRIDE_REASON_MIN_LENGTH })}</p>
        </div>
      )}
      <FormField
        label={t("decide.reason")}
        error={problems.reason}
        hint={overriding ? t("decide.reasonHintOverride", { count: OVERRIDE_REASON_MIN_LENGTH }) : t("decide.reasonHint")}
      >
        {(control) => (
          <textarea {...control} name="reason" rows={4} value={reason} onChange={(event) => setReason(event.target.value)} />
        )}
      </FormField>
      <p>
        <button type="submit" className="button button--primary" disabled={decide.isPending}>
          {decide.isPending ? t("decide.saving") : t("decide.submit")}
        </button>
      </p>
    </form>
  );
}
