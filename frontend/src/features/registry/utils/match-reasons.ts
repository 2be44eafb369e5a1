/**
 * The matching's reasons and mismatches in words, by their stable code (search/matching.py in the
 * intelligence service). A code this list does not know, or params of an unexpected shape, fall back to the
 * API's English `text`.
 */
export const REASON_CODES = [
  "shared_priorities",
  "nace_division",
  "value_chain_same",
  "value_chain_adjacent",
  "same_region",
  "same_country",
  "interregional",
  "deadline_open",
  "keyword_overlap",
  "deadline_soon",
  "no_shared_priority",
  "nace_mismatch",
  "value_chain_distant",
  "no_place_match",
  "no_keyword_overlap",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export type ReasonLike = { code: string; params: Record<string, unknown>; text: string };

/** What turns codes and values into words: the namespace's `t` and the registry's labels. */
export type ReasonWords = {
  /** t("matching.reasons.<code>", values) */
  message: (code: ReasonCode, values: Record<string, string | number>) => string;
  list: (items: string[]) => string;
  priority: (code: string) => string;
  division: (code: string) => string;
  step: (code: string) => string;
  region: (code: string) => string;
  country: (code: string) => string;
  place: (code: string) => string;
  date: (isoDate: string) => string;
};

function strings(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;
}

function string(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function integer(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

function pairs(value: unknown): [string, string][] | null {
  if (!Array.isArray(value)) return null;
  const result: [string, string][] = [];
  for (const pair of value) {
    const items = strings(pair);
    if (!items || items.length !== 2) return null;
    result.push([items[0]!, items[1]!]);
  }
  return result;
}

function isReasonCode(code: string): code is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(code);
}

/** The values each code's message needs, in words; null when the params are not what the code promises. */
function values(
  code: ReasonCode,
  params: Record<string, unknown>,
  words: ReasonWords,
): Record<string, string | number> | null {
  const listOf = (key: string, name: (code: string) => string) => {
    const items = strings(params[key]);
    return items && items.length ? words.list(items.map(name)) : null;
  };
  switch (code) {
    case "shared_priorities":
    case "no_shared_priority": {
      const priorities = listOf("priorities", words.priority);
      return priorities ? { priorities } : null;
    }
    case "nace_division":
    case "nace_mismatch": {
      const divisions = listOf("divisions", words.division);
      return divisions ? { divisions } : null;
    }
    case "value_chain_same":
    case "value_chain_distant": {
      const steps = listOf("steps", words.step);
      return steps ? { steps } : null;
    }
    case "value_chain_adjacent": {
      const found = pairs(params.pairs);
      if (!found?.length) return null;
      return { pairs: words.list(found.map(([from, to]) => `${words.step(from)} → ${words.step(to)}`)) };
    }
    case "same_region": {
      const region = string(params.region);
      return region ? { region: words.region(region) } : null;
    }
    case "same_country": {
      const country = string(params.country);
      return country ? { country: words.country(country) } : null;
    }
    case "interregional": {
      const regions = listOf("regions", words.region);
      return regions ? { regions } : null;
    }
    case "no_place_match": {
      const places = listOf("places", words.place);
      return places ? { places } : null;
    }
    case "keyword_overlap": {
      const keywords = listOf("keywords", (word) => word);
      return keywords ? { keywords } : null;
    }
    case "deadline_open":
    case "deadline_soon": {
      const days = integer(params.days_left);
      const deadline = string(params.deadline);
      return days !== null && deadline ? { count: days, date: words.date(deadline) } : null;
    }
    case "no_keyword_overlap":
      return {};
  }
}

/** A reason or mismatch in the user's language. */
export function describeReason(reason: ReasonLike, words: ReasonWords): string {
  if (!isReasonCode(reason.code)) return reason.text;
  const found = values(reason.code, reason.params, words);
  if (!found) return reason.text;
  return words.message(reason.code, found);
}
