import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { ImportReport, ImportRow } from "@/features/registry/api/import-organisations";
import { formatDateTime, formatNumber } from "@/lib/intl";

const ROW_STATUSES = ["created", "updated", "unchanged", "refused"] as const;
type RowStatus = (typeof ROW_STATUSES)[number];
const MAX_ROWS_SHOWN = 1000;

function isRowStatus(value: string): value is RowStatus {
  return (ROW_STATUSES as readonly string[]).includes(value);
}

/** The per-row report of an import or of a check: counts, file warnings and a table of the rows. */
export function ImportReportView({ report, headingLevel = 2 }: { report: ImportReport; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation("registry");
  const language = i18n.resolvedLanguage ?? "en";
  const headingId = useId();
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const Heading = headingLevel === 2 ? "h2" : "h3";

  const unchanged = report.rows_total - report.rows_created - report.rows_updated - report.rows_refused;
  const flagged = (row: ImportRow) =>
    row.status === "refused" || (row.problems?.length ?? 0) > 0 || (row.warnings?.length ?? 0) > 0;
  const fileWarnings = report.warnings ?? [];
  const rows = onlyFlagged ? report.rows.filter(flagged) : report.rows;
  const shown = rows.slice(0, MAX_ROWS_SHOWN);
  const statusWord = (status: string) => {
    if (!isRowStatus(status)) return status;
    return report.dry_run ? t(`import.report.statusDryRun.${status}`) : t(`import.report.status.${status}`);
  };

  return (
    <section
      className="panel import-report"
      aria-labelledby={headingId}
      data-dry-run={report.dry_run}
      data-import-id={report.id ?? undefined}
    >
      <Heading id={headingId}>
        {report.dry_run ? t("import.report.checkHeading") : t("import.report.importHeading")}
      </Heading>
      <p className="muted">
        {[
          report.filename,
          report.created_at ? formatDateTime(report.created_at, language) : null,
          report.dry_run ? t("import.report.dryRunNote") : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>

      <dl className="facts import-report__counts">
        <div data-count="total">
          <dt>{t("import.report.total")}</dt>
          <dd>{formatNumber(report.rows_total, language)}</dd>
        </div>
        <div data-count="created">
          <dt>{report.dry_run ? t("import.report.statusDryRun.created") : t("import.report.status.created")}</dt>
          <dd>{formatNumber(report.rows_created, language)}</dd>
        </div>
        <div data-count="updated">
          <dt>{report.dry_run ? t("import.report.statusDryRun.updated") : t("import.report.status.updated")}</dt>
          <dd>{formatNumber(report.rows_updated, language)}</dd>
        </div>
        {unchanged > 0 && (
          <div data-count="unchanged">
            <dt>{t("import.report.status.unchanged")}</dt>
            <dd>{formatNumber(unchanged, language)}</dd>
          </div>
        )}
        <div data-count="refused">
          <dt>{report.dry_run ? t("import.report.statusDryRun.refused") : t("import.report.status.refused")}</dt>
          <dd>{formatNumber(report.rows_refused, language)}</dd>
        </div>
      </dl>

      {fileWarnings.length > 0 && (
        <div className="alert alert--warning import-report__file-warnings">
          <p className="alert__title">{t("import.report.fileWarnings")}</p>
          <ul>
            {fileWarnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}

      {report.rows_refused > 0 && (
        <p className="import-report__refused-note">
          {report.dry_run
            ? t("import.report.refusedNoteDryRun", { count: report.rows_refused })
            : t("import.report.refusedNote", { count: report.rows_refused })}
        </p>
      )}

      {report.rows.length === 0 ? (
        <p className="muted">{t("import.report.noRows")}</p>
      ) : (
        <>
          <label className="choice import-report__filter">
            <input type="checkbox" checked={onlyFlagged} onChange={(event) => setOnlyFlagged(event.target.checked)} />
            {t("import.report.onlyFlagged")}
          </label>
          <div className="table-scroll">
            <table className="table import-report__table">
              <caption className="visually-hidden">{t("import.report.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("import.report.columns.row")}</th>
                  <th scope="col">{t("import.report.columns.status")}</th>
                  <th scope="col">{t("import.report.columns.name")}</th>
                  <th scope="col">{t("import.report.columns.problems")}</th>
                  <th scope="col">{t("import.report.columns.warnings")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ problems = [], warnings = [], ...row }) => (
                  <tr key={row.row} data-row={row.row} data-status={row.status}>
                    <th scope="row">{row.row}</th>
                    <td>
                      <span className={`row-status row-status--${row.status}`}>{statusWord(row.status)}</span>
                    </td>
                    <td>
                      {row.id && !report.dry_run ? (
                        <Link to={`/organisations/${row.id}`}>{row.label ?? row.id}</Link>
                      ) : (
                        (row.label ?? <span className="muted">{t("import.report.noName")}</span>)
                      )}
                    </td>
                    <td>
                      {problems.length > 0 && (
                        <ul className="import-report__problems">
                          {problems.map((problem, index) => (
                            <li key={index} data-field={problem.field}>
                              <code>{problem.field}</code>: {problem.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {warnings.length > 0 && (
                        <ul className="import-report__warnings">
                          {warnings.map((warning, index) => (
                            <li key={index}>{warning}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > shown.length && (
            <p className="muted small">
              {t("import.report.truncated", {
                shown: formatNumber(shown.length, language),
                total: formatNumber(rows.length, language),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
