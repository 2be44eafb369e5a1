import { useTranslation } from "react-i18next";

import { ApiProblem } from "@/lib/problem";

type ProblemAlertProps = {
  error: unknown;
  /** Heading of the alert; defaults to "Something went wrong". */
  title?: string;
  onRetry?: () => void;
};

/** Shows what went wrong: the problem's `detail` (or its title), never a stack trace. */
export function ProblemAlert({ error, title, onRetry }: ProblemAlertProps) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert--error">
      <p className="alert__title">{title ?? t("status.errorTitle")}</p>
      <p className="alert__body">{problemMessage(error, t("status.networkError"))}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("status.retry")}
        </button>
      )}
    </div>
  );
}

export function problemMessage(error: unknown, networkMessage: string): string {
  if (error instanceof ApiProblem) {
    if (error.status === 0) return networkMessage;
    return error.detail ?? error.problem.title;
  }
  return error instanceof Error ? error.message : String(error);
}
