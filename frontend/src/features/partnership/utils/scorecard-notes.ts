import type { Scorecard, ScorecardValue } from "@/features/partnership/api/get-scorecard";

/** One footnote of the scorecard: what a value covers, when, how good it is and where it comes from. */
export type ScorecardNote = Pick<ScorecardValue, "scope" | "year" | "quality" | "source" | "source_url"> & {
  number: number;
};

export type ScorecardNotes = {
  notes: ScorecardNote[];
  /** The footnote number of a region's value of an indicator, if it has one. */
  numberOf: (indicatorCode: string, regionCode: string) => number | undefined;
};

function keyOf(value: ScorecardValue): string {
  return JSON.stringify([value.scope, value.year, value.quality, value.source, value.source_url]);
}

/**
 * Numbers the scorecard's footnotes in reading order (rows, then the regions' columns); values that share
 * scope, year, quality and source share a footnote.
 */
export function scorecardNotes(scorecard: Scorecard): ScorecardNotes {
  const numbers = new Map<string, number>();
  const byCell = new Map<string, number>();
  const notes: ScorecardNote[] = [];
  for (const indicator of scorecard.indicators) {
    for (const region of scorecard.regions) {
      const value = indicator.values[region.code];
      if (!value) continue;
      const key = keyOf(value);
      let number = numbers.get(key);
      if (number === undefined) {
        number = notes.length + 1;
        numbers.set(key, number);
        const { scope, year, quality, source, source_url } = value;
        notes.push({ number, scope, year, quality, source, source_url });
      }
      byCell.set(`${indicator.code}|${region.code}`, number);
    }
  }
  return { notes, numberOf: (indicatorCode, regionCode) => byCell.get(`${indicatorCode}|${regionCode}`) };
}
