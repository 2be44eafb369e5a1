import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useDeleteBoundaries } from "@/features/partnership/api/delete-boundaries";
import { useBoundaries } from "@/features/partnership/api/get-boundaries";
import { useImportBoundaries, type BoundaryImportReport } from "@/features/partnership/api/import-boundaries";
import { ConfirmDelete } from "@/features/partnership/components/confirm-delete";

type BoundaryImportProps = {
  /** Region names by NUTS code, to name the regions in the report. */
  regionNames: Record<string, string>;
  isAdmin: boolean;
};

const DEFAULT_SOURCE = "GISCO NUTS 2021";

/**
 * Importing the regions' polygons from a GeoJSON FeatureCollection (e.g. Eurostat GISCO NUTS 2021, level 2):
 * the features of the partnership's regions are kept, the report says what was matched, skipped or refused.
 */
export function BoundaryImport({ regionNames, isAdmin }: BoundaryImportProps) {
  const { t } = useTranslation("regions");
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState(DEFAULT_SOURCE);
  const [fileError, setFileError] = useState<string | null>(null);
  const boundaries = useBoundaries();
  const upload = useImportBoundaries();
  const remove = useDeleteBoundaries();

  const loaded = boundaries.data?.features.map((feature) => feature.id) ?? [];
  const name = (code: string) => regionNames[code] ?? code;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    upload.reset();
    if (!file) {
      setFileError(t("boundaries.chooseFile"));
      return;
    }
    let collection: unknown;
    try {
      collection = JSON.parse(await file.text());
    } catch {
      setFileError(t("boundaries.notJson", { file: file.name }));
      return;
    }
    if (typeof collection !== "object" || collection === null || Array.isArray(collection)) {
      setFileError(t("boundaries.notCollection", { file: file.name }));
      return;
    }
    setFileError(null);
    upload.mutate({ collection: collection as Record<string, unknown>, source: source.trim() || file.name });
  }

  return (
    <div className="boundary-import">
      <p>{t("boundaries.intro")}</p>
      <p className="panel panel--quiet small">{t("boundaries.pointsNote")}</p>
      <p aria-live="polite" className="boundary-import__status">
        {boundaries.isPending && <Loading />}
        {boundaries.data &&
          (loaded.length === 0
            ? t("boundaries.noneLoaded")
            : t("boundaries.loaded", { count: loaded.length, regions: loaded.map(name).join(", ") }))}
      </p>
      {boundaries.isError && <ProblemAlert error={boundaries.error} onRetry={() => void boundaries.refetch()} />}

      <form className="boundary-import__form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t("boundaries.file")}</label>
          <input
            id={`${id}-file`}
            name="boundaries"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${id}-file-error` : `${id}-file-hint`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(null);
            }}
          />
          {fileError ? (
            <p id={`${id}-file-error`} className="field__error">
              {fileError}
            </p>
          ) : (
            <p id={`${id}-file-hint`} className="field__hint">
              {t("boundaries.fileHint")}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-source`}>{t("boundaries.source")}</label>
          <input
            id={`${id}-source`}
            name="source"
            value={source}
            maxLength={300}
            onChange={(event) => setSource(event.target.value)}
          />
        </div>
        <div className="boundary-import__actions">
          <button type="submit" className="button button--primary" disabled={upload.isPending}>
            {upload.isPending ? t("boundaries.uploading") : t("boundaries.upload")}
          </button>
          {isAdmin && loaded.length > 0 && (
            <ConfirmDelete
              name={t("boundaries.all")}
              pending={remove.isPending}
              onConfirm={() => remove.mutate(undefined, { onSuccess: () => upload.reset() })}
            />
          )}
        </div>
      </form>

      {upload.isError && <ProblemAlert error={upload.error} title={t("boundaries.failed")} />}
      {remove.isError && <ProblemAlert error={remove.error} />}
      {upload.data && <ImportReport report={upload.data} name={name} />}
    </div>
  );
}

function ImportReport({ report, name }: { report: BoundaryImportReport; name: (code: string) => string }) {
  const { t } = useTranslation("regions");
  const headingId = useId();
  return (
    <section className="panel boundary-report" aria-labelledby={headingId} role="status">
      <h3 id={headingId}>{t("boundaries.report.heading", { source: report.source })}</h3>
      <p>
        {t("boundaries.report.summary", {
          matched: report.matched.length,
          skipped: report.skipped.length,
          refused: report.refused.length,
        })}
      </p>
      {report.matched.length > 0 && (
        <>
          <h4>{t("boundaries.report.matched")}</h4>
          <ul className="boundary-report__list" data-report="matched">
            {report.matched.map((code) => (
              <li key={code}>
                {name(code)} ({code})
              </li>
            ))}
          </ul>
        </>
      )}
      {report.refused.length > 0 && (
        <>
          <h4>{t("boundaries.report.refused")}</h4>
          <ul className="boundary-report__list" data-report="refused">
            {report.refused.map((note) => (
              <li key={note.index}>
                {t("boundaries.report.feature", { number: note.index + 1, id: note.id ?? t("boundaries.report.noId") })}
                {note.reason && `: ${note.reason}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>{t("boundaries.report.skipped", { count: report.skipped.length })}</summary>
          <ul className="boundary-report__list" data-report="skipped">
            {report.skipped.map((note) => (
              <li key={note.index}>
                {t("boundaries.report.feature", { number: note.index + 1, id: note.id ?? t("boundaries.report.noId") })}
                {note.reason && `: ${note.reason}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
