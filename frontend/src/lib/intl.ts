const displayNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the given language from its ISO 3166-1 alpha-2 code (Eurostat's EL is Greece). */
export function countryName(code: string, language: string): string {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: "region", fallback: "code" });
    displayNames.set(language, names);
  }
  const iso = code.toUpperCase() === "EL" ? "GR" : code.toUpperCase();
  try {
    return names.of(iso) ?? code;
  } catch {
    return code;
  }
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** "a, b and c" in the given language. */
export function formatList(items: string[], language: string): string {
  return new Intl.ListFormat(language, { style: "long", type: "conjunction" }).format(items);
}

/** A decimal string from the API ("41251.5000") in the given language, exactly (no float rounding). */
export function formatDecimal(value: string, language: string, maximumFractionDigits = 4): string {
  const numeric = value.trim();
  if (!/^[-+]?\d+(\.\d+)?$/.test(numeric)) return value;
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(numeric as Intl.StringNumericLiteral);
}

/** A calendar date ("2025-12-31") in the given language, without shifting it across time zones. */
export function formatDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** An instant (RFC 3339 with zone) as a date and time in the given language and the browser's zone. */
export function formatDateTime(isoDateTime: string, language: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** An amount in euros from a decimal string ("250000.00"), exactly (no float rounding), in the given language. */
export function formatEuros(value: string, language: string): string {
  const numeric = value.trim();
  if (!/^[-+]?\d+(\.\d+)?$/.test(numeric)) return value;
  const cents = !/\.0*$/.test(numeric) && numeric.includes(".");
  return new Intl.NumberFormat(language, {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(numeric as Intl.StringNumericLiteral);
}
