import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import type { OverlapPair, PriorityOverlap } from "@/features/partnership/api/get-priority-overlap";
import { heatColour } from "@/features/partnership/utils/heat-colour";
import { usePriorityName } from "@/features/partnership/utils/priority-names";
import { formatDecimal, formatList } from "@/lib/intl";

/**
 * An 8×8 table of the regions' S3 priorities against each other: each cell counts the thematic priorities two
 * regions share and is shaded by their Jaccard index; the diagonal holds each region's own count.
 */
export function OverlapMatrix({ overlap }: { overlap: PriorityOverlap }) {
  const { t, i18n } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  const priorityName = usePriorityName();

  const pairs = useMemo(() => {
    const byKey = new Map<string, OverlapPair>();
    for (const pair of overlap.pairs) {
      byKey.set(`${pair.region_a}|${pair.region_b}`, pair);
      byKey.set(`${pair.region_b}|${pair.region_a}`, pair);
    }
    return byKey;
  }, [overlap.pairs]);
  const names = (codes: string[]) => formatList(codes.map(priorityName), language);

  return (
    <>
      <div className="table-scroll" tabIndex={0} aria-label={t("overlap.scrollLabel")}>
        <table className="overlap-matrix">
          <caption className="visually-hidden">{t("overlap.caption")}</caption>
          <thead>
            <tr>
              <td />
              {overlap.regions.map((region) => (
                <th key={region.code} scope="col" title={region.name} data-region-code={region.code}>
                  {region.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overlap.regions.map((row) => (
              <tr key={row.code} data-region-code={row.code}>
                <th scope="row">
                  <span className="overlap-matrix__name">{row.name}</span> <span className="muted">{row.code}</span>
                </th>
                {overlap.regions.map((column) => {
                  if (row.code === column.code) {
                    const label =
                      row.priorities.length === 0
                        ? t("overlap.ownNone", { region: row.name })
                        : t("overlap.own", {
                            region: row.name,
                            count: row.priorities.length,
                            priorities: names(row.priorities),
                          });
                    return (
                      <td
                        key={column.code}
                        className="overlap-matrix__cell overlap-matrix__cell--own"
                        data-pair={`${row.code}-${column.code}`}
                        title={label}
                        aria-label={label}
                      >
                        {row.priorities.length}
                      </td>
                    );
                  }
                  const pair = pairs.get(`${row.code}|${column.code}`);
                  const count = pair?.count ?? 0;
                  const jaccard = pair?.jaccard ?? null;
                  const label =
                    count === 0
                      ? t("overlap.pairNone", { a: row.name, b: column.name })
                      : t("overlap.pair", {
                          a: row.name,
                          b: column.name,
                          count,
                          priorities: names(pair?.shared ?? []),
                          jaccard: formatDecimal(String(jaccard ?? 0), language, 2),
                        });
                  return (
                    <td
                      key={column.code}
                      className="overlap-matrix__cell"
                      style={{ backgroundColor: heatColour(jaccard) }}
                      data-pair={`${row.code}-${column.code}`}
                      data-jaccard={jaccard ?? ""}
                      title={label}
                      aria-label={label}
                    >
                      {count}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overlap-legend" aria-hidden="true">
        <span>{t("overlap.legendLow")}</span>
        <span className="overlap-legend__ramp" style={{ background: rampGradient() }} />
        <span>{t("overlap.legendHigh")}</span>
      </div>
      <p className="small muted">{t("overlap.note")}</p>
    </>
  );
}

function rampGradient(): string {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((j) => `${heatColour(j)} ${j * 100}%`);
  return `linear-gradient(to right, ${stops.join(", ")})`;
}
