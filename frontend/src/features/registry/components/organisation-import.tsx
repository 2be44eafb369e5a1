import "@/features/registry/components/registry.css";

import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useImport } from "@/features/registry/api/get-import";
import { useImportOrganisations } from "@/features/registry/api/import-organisations";
import { ImportHistory } from "@/features/registry/components/import-history";
import { ImportReportView } from "@/features/registry/components/import-report";
import { csvTemplateHref, IMPORT_COLUMNS } from "@/features/registry/utils/csv-template";

/** Import organisations from CSV: check the file (dry run), read the per-row report, then import it. */
export function OrganisationImport() {
  const { t } = useTranslation("registry");
  const [searchParams] = useSearchParams();
  const runId = searchParams.get("run");
  const fileInputId = useId();
  const hintId = useId();
  const errorId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const importer = useImportOrganisations();
  const pastRun = useImport(runId);

  function run(dryRun: boolean) {
    if (!file) {
      setMissingFile(true);
      fileInput.current?.focus();
      return;
    }
    importer.mutate({ file, dryRun });
  }

  const pending = importer.isPending ? importer.variables : null;

  return (
    <div className="page registry-page">
      <div className="page__header">
        <h1>{t("import.title")}</h1>
        <p className="lead">{t("import.intro")}</p>
      </div>

      <div className="panel">
        <form
          className="form import-form"
          onSubmit={(event) => {
            event.preventDefault();
            run(true);
          }}
        >
          <div className="field">
            <label htmlFor={fileInputId}>{t("import.file")}</label>
            <input
              ref={fileInput}
              id={fileInputId}
              type="file"
              name="file"
              accept=".csv,text/csv"
              aria-describedby={missingFile ? `${hintId} ${errorId}` : hintId}
              aria-invalid={missingFile || undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMissingFile(false);
                importer.reset();
              }}
            />
            <p id={hintId} className="field__hint">
              {t("import.fileHint", { columns: IMPORT_COLUMNS.join(", ") })}
            </p>
            {missingFile && (
              <p id={errorId} className="field__error">
                {t("import.noFile")}
              </p>
            )}
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--secondary" disabled={importer.isPending}>
              {pending?.dryRun ? t("import.checking") : t("import.check")}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={importer.isPending}
              onClick={() => run(false)}
            >
              {pending && !pending.dryRun ? t("import.importing") : t("import.import")}
            </button>
            <a className="button button--link" href={csvTemplateHref()} download="tex4im-organisations-template.csv">
              {t("import.template")}
            </a>
          </div>
          <p className="muted small">{t("import.importNote")}</p>
        </form>
      </div>

      <p role="status" className="import-status">
        {importer.data &&
          t(importer.data.dry_run ? "import.checkDone" : "import.importDone", {
            total: importer.data.rows_total,
            refused: importer.data.rows_refused,
          })}
      </p>
      {pending && <Loading label={pending.dryRun ? t("import.checking") : t("import.importing")} />}
      {importer.isError && <ProblemAlert error={importer.error} title={t("import.failed")} />}
      {importer.data && <ImportReportView report={importer.data} />}

      {runId && (
        <div className="import-past">
          {pastRun.isPending && <Loading />}
          {pastRun.isError && <ProblemAlert error={pastRun.error} onRetry={() => void pastRun.refetch()} />}
          {pastRun.data && <ImportReportView report={pastRun.data} />}
        </div>
      )}

      <ImportHistory selectedId={runId} />
    </div>
  );
}
