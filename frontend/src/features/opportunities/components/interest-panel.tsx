import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import { useExpressInterest } from "@/features/opportunities/api/express-interest";
import type { OpportunityDetail } from "@/features/opportunities/api/get-opportunity";
import { useWithdrawInterest } from "@/features/opportunities/api/withdraw-interest";
import { formatDateTime } from "@/lib/intl";

type InterestPanelProps = { id: string; interest: OpportunityDetail["interest"] };

/** "I'm interested" with an optional message; once expressed, "You are interested · Withdraw". */
export function InterestPanel({ id, interest }: InterestPanelProps) {
  const { t, i18n } = useTranslation("opportunities");
  const language = i18n.resolvedLanguage ?? "en";
  const headingId = useId();
  const messageId = useId();
  const [message, setMessage] = useState("");
  const express = useExpressInterest(id);
  const withdraw = useWithdrawInterest(id);
  const expressed = Boolean(interest?.expressed);

  function submit(event: FormEvent) {
    event.preventDefault();
    withdraw.reset();
    express.mutate(message, { onSuccess: () => setMessage("") });
  }

  return (
    <section className="panel interest-panel" aria-labelledby={headingId} data-interest={expressed ? "expressed" : "none"}>
      <h2 id={headingId} className="interest-panel__title">
        {t("interest.heading")}
      </h2>
      {expressed ? (
        <>
          <p className="interest-panel__status" role="status">
            <strong>{t("interest.expressed")}</strong>
            {interest?.expressed_at && (
              <span className="muted"> {t("interest.since", { date: formatDateTime(interest.expressed_at, language) })}</span>
            )}
          </p>
          {interest?.message && (
            <blockquote className="interest-panel__message">
              <p className="muted small">{t("interest.yourMessage")}</p>
              <p>{interest.message}</p>
            </blockquote>
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={withdraw.isPending}
            onClick={() => {
              express.reset();
              withdraw.mutate();
            }}
          >
            {withdraw.isPending ? t("interest.withdrawing") : t("interest.withdraw")}
          </button>
        </>
      ) : (
        <form className="form" onSubmit={submit}>
          <p className="muted small">{t("interest.intro")}</p>
          <div className="field">
            <label htmlFor={messageId}>{t("interest.message")}</label>
            <textarea
              id={messageId}
              name="message"
              rows={3}
              maxLength={2000}
              value={message}
              onChange={(event) => setMessage(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={express.isPending}>
            {express.isPending ? t("interest.expressing") : t("interest.express")}
          </button>
        </form>
      )}
      {express.isError && <ProblemAlert error={express.error} title={t("interest.failed")} />}
      {withdraw.isError && <ProblemAlert error={withdraw.error} title={t("interest.withdrawFailed")} />}
    </section>
  );
}
