import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useImports } from "@/features/registry/api/get-imports";
import { formatDateTime, formatNumber } from "@/lib/intl";

/** Earlier imports of organisations, newest first; each opens its stored report (?run=<id>). */
export function ImportHistory({ selectedId }: { selectedId: string | null }) {
  const { t, i18n } = useTranslation("registry");
  const language = i18n.resolvedLanguage ?? "en";
  const headingId = useId();
  const imports = useImports();
  const runs = imports.data?.items.filter((run) => run.target === "organisations") ?? [];

  return (
    <section className="panel import-history" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("import.history.heading")}</h2>
      {imports.isPending && <Loading />}
      {imports.isError && <ProblemAlert error={imports.error} onRetry={() => void imports.refetch()} />}
      {imports.data && runs.length === 0 && <p className="muted">{t("import.history.empty")}</p>}
      {runs.length > 0 && (
        <div className="table-scroll">
          <table className="table import-history__table">
            <caption className="visually-hidden">{t("import.history.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("import.history.columns.when")}</th>
                <th scope="col">{t("import.history.columns.file")}</th>
                <th scope="col">{t("import.report.status.created")}</th>
                <th scope="col">{t("import.report.status.updated")}</th>
                <th scope="col">{t("import.report.status.refused")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("import.history.columns.report")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-import-id={run.id} aria-current={run.id === selectedId ? "true" : undefined}>
                  <td>{run.created_at ? formatDateTime(run.created_at, language) : ""}</td>
                  <td>{run.filename ?? <span className="muted">{t("import.history.noFilename")}</span>}</td>
                  <td>{formatNumber(run.rows_created, language)}</td>
                  <td>{formatNumber(run.rows_updated, language)}</td>
                  <td>{formatNumber(run.rows_refused, language)}</td>
                  <td>
                    <Link to={`/organisations/import?run=${run.id}`} preventScrollReset>
                      {t("import.history.view")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
