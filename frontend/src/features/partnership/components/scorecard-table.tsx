import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { PlatformFigures, Scorecard, ScorecardValue } from "@/features/partnership/api/get-scorecard";
import { EscpStateBadge } from "@/features/partnership/components/escp-state-badge";
import { QualityBadge } from "@/features/partnership/components/quality-badge";
import { scorecardNotes, type ScorecardNote } from "@/features/partnership/utils/scorecard-notes";
import { formatDecimal, formatNumber } from "@/lib/intl";

const COUNTS = ["organisations", "opportunities_open", "interests", "cluster_members"] as const;

/**
 * The regions side by side: a column per region, a row per indicator (its latest value with unit and a
 * footnote for scope, year, quality and source) and per live platform figure.
 */
export function ScorecardTable({ scorecard }: { scorecard: Scorecard }) {
  const { t, i18n } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  const notesHeadingId = useId();
  const idPrefix = useId();
  const { notes, numberOf } = useMemo(() => scorecardNotes(scorecard), [scorecard]);
  const noteId = (number: number) => `${idPrefix}-note-${number}`;
  const regions = scorecard.regions;

  return (
    <>
      <div className="table-scroll" tabIndex={0} aria-label={t("scorecard.scrollLabel")}>
        <table className="data-table scorecard-table">
          <caption className="visually-hidden">{t("scorecard.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("scorecard.indicator")}</th>
              {regions.map((region) => (
                <th key={region.code} scope="col" data-region-code={region.code}>
                  <Link to={`/regions/${region.code}`}>{region.name}</Link>
                  <span className="scorecard-table__code">{region.code}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="scorecard-table__group">
              <th scope="colgroup" colSpan={regions.length + 1}>
                {t("scorecard.indicatorsGroup")}
              </th>
            </tr>
            {scorecard.indicators.length === 0 && (
              <tr>
                <td colSpan={regions.length + 1} className="muted">
                  {t("scorecard.noIndicators")}
                </td>
              </tr>
            )}
            {scorecard.indicators.map((indicator) => (
              <tr key={indicator.code} data-indicator-code={indicator.code}>
                <th scope="row">
                  {indicator.label}
                  {(indicator.units_differ || indicator.scopes_differ) && (
                    <span className="scorecard-table__caveats">
                      {indicator.units_differ && <span className="badge badge--warning">{t("scorecard.unitsDiffer")}</span>}
                      {indicator.scopes_differ && (
                        <span className="badge badge--warning">{t("scorecard.scopesDiffer")}</span>
                      )}
                    </span>
                  )}
                </th>
                {regions.map((region) => {
                  const value = indicator.values[region.code];
                  const number = numberOf(indicator.code, region.code);
                  return (
                    <td key={region.code} data-region-code={region.code} className="scorecard-table__cell">
                      {value && number !== undefined ? (
                        <ValueCell
                          value={value}
                          number={number}
                          noteId={noteId(number)}
                          tipId={`${idPrefix}-${indicator.code}-${region.code}-tip`}
                          language={language}
                        />
                      ) : (
                        <NoValue />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="scorecard-table__group">
              <th scope="colgroup" colSpan={regions.length + 1}>
                {t("scorecard.platformGroup")}
              </th>
            </tr>
            {COUNTS.map((key) => (
              <tr key={key} data-figure={key}>
                <th scope="row">{t(`platform.${key}`)}</th>
                {regions.map((region) => (
                  <td key={region.code} data-region-code={region.code} className="scorecard-table__cell">
                    {formatNumber(region.platform[key satisfies keyof PlatformFigures], language)}
                  </td>
                ))}
              </tr>
            ))}
            <tr data-figure="escp_state">
              <th scope="row">{t("platform.escp_state")}</th>
              {regions.map((region) => (
                <td key={region.code} data-region-code={region.code} className="scorecard-table__cell">
                  <EscpStateBadge state={region.platform.escp_state} />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="small muted">{t("scorecard.platformNote")}</p>

      {notes.length > 0 && (
        <section className="scorecard-notes" aria-labelledby={notesHeadingId}>
          <h3 id={notesHeadingId}>{t("scorecard.notesHeading")}</h3>
          <ol className="scorecard-notes__list">
            {notes.map((note) => (
              <li key={note.number} id={noteId(note.number)} value={note.number} data-note={note.number} tabIndex={-1}>
                <NoteText note={note} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

type ValueCellProps = { value: ScorecardValue; number: number; noteId: string; tipId: string; language: string };

function ValueCell({ value, number, noteId, tipId, language }: ValueCellProps) {
  const { t } = useTranslation("regions");
  const year = value.year ?? t("common.yearNotStated");
  return (
    <span className="scorecard-value">
      <span className="scorecard-value__number">
        {formatDecimal(value.value, language)} {value.unit}
      </span>
      <span className="footnote">
        <a
          href={`#${noteId}`}
          className={`footnote__ref footnote__ref--${value.quality}`}
          aria-label={t("scorecard.noteRef", { number, quality: t(`quality.${value.quality}`) })}
          aria-describedby={tipId}
          onClick={(event) => {
            // move focus to the note (in-page anchors do not in a client-side router)
            const target = document.getElementById(noteId);
            if (target) {
              event.preventDefault();
              target.focus();
              target.scrollIntoView?.({ block: "nearest" }); // absent in jsdom
            }
          }}
        >
          {number}
        </a>
        <span role="tooltip" id={tipId} className="footnote__tip">
          {t("scorecard.tip", { scope: value.scope, year, quality: t(`quality.${value.quality}`), source: value.source })}
        </span>
      </span>
    </span>
  );
}

function NoValue() {
  const { t } = useTranslation("regions");
  return (
    <span className="muted">
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t("scorecard.noValue")}</span>
    </span>
  );
}

function NoteText({ note }: { note: ScorecardNote }) {
  const { t } = useTranslation("regions");
  return (
    <>
      <QualityBadge quality={note.quality} /> <span className="scorecard-notes__scope">{note.scope}</span>
      {" · "}
      {note.year ?? t("common.yearNotStated")}
      {" · "}
      {t("common.source")}:{" "}
      {note.source_url ? (
        <a href={note.source_url} rel="noreferrer" target="_blank">
          {note.source}
        </a>
      ) : (
        note.source
      )}
    </>
  );
}
