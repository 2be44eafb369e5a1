import { useTranslation } from "react-i18next";

import type { AutoAssignmentReport } from "@/features/panel/api/auto-assign";
import { formatList } from "@/lib/intl";

/** What the automatic run did: added, moved away, still short and why, and each evaluator's load. */
export function AutoAssignReport({ report }: { report: AutoAssignmentReport }) {
  const { t, i18n } = useTranslation("calls");
  const names = (people: readonly { name: string }[]) => formatList(people.map((person) => person.name), i18n.language);
  const added = report.proposals.filter((item) => item.added.length > 0);
  const moved = report.proposals.filter((item) => item.moved_away.length > 0);
  return (
    <section className="alert alert--info report" aria-labelledby="auto-report-title" data-testid="auto-report">
      <h3 id="auto-report-title">{t("report.title")}</h3>
      <p role="status" data-testid="auto-report-summary">
        {t("report.summary", { count: report.assigned, withdrawn: report.withdrawn, short: report.still_short.length })}
      </p>
      {!report.optimal && <p>{t("report.notOptimal")}</p>}
      {added.length > 0 && (
        <>
          <h4>{t("report.added")}</h4>
          <ul data-report="added">
            {added.map((item) => (
              <li key={item.proposal.id}>
                {item.proposal.reference}: {names(item.added)}
              </li>
            ))}
          </ul>
        </>
      )}
      {moved.length > 0 && (
        <>
          <h4>{t("report.moved")}</h4>
          <ul data-report="moved">
            {moved.map((item) => (
              <li key={item.proposal.id}>
                {item.proposal.reference}: {names(item.moved_away)}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.still_short.length > 0 ? (
        <>
          <h4>{t("report.short")}</h4>
          <ul data-report="short">
            {report.still_short.map((item) => (
              <li key={item.proposal.id} data-proposal-id={item.proposal.id}>
                {t("report.shortItem", {
                  reference: item.proposal.reference,
                  count: item.short,
                  active: item.active,
                  target: item.target,
                })}
                {item.short_reason && <> — {item.short_reason}</>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("report.allStaffed")}</p>
      )}
      {report.loads.length > 0 && (
        <details>
          <summary>{t("report.loads")}</summary>
          <ul>
            {report.loads.map((load) => (
              <li key={load.evaluator.id}>
                {load.max_load === null
                  ? t("report.load", { name: load.evaluator.name, load: load.load })
                  : t("report.loadOf", { name: load.evaluator.name, load: load.load, max: load.max_load })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
