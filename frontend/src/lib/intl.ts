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

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** An instant relative to now in the given language: "in 3 days", "yesterday", "5 minutes ago", "now". */
export function formatRelativeTime(isoDateTime: string, language: string, now: number = Date.now()): string {
  const at = new Date(isoDateTime).getTime();
  if (Number.isNaN(at)) return isoDateTime;
  const seconds = (at - now) / 1000;
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, "second");
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the given language from its ISO 639-1 code ("it" -> "Italian"). */
export function languageName(code: string, language: string): string {
  let names = languageNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: "language", fallback: "code" });
    languageNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A share (0.25) as a percentage ("25%", "33.3%") in the given language. */
export function formatPercent(share: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits }).format(share);
}

/** A file's size in the given language: "850 bytes", "12.5 kB", "20 MB" (units of 1024, as upload limits are). */
export function formatFileSize(bytes: number, language: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit: units[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
  }).format(value);
}

/**
 * An amount from a decimal string ("250000.50") grouped in the given language, without a currency sign: the value
 * of an amount input ("250,000.50"; "250,000" when there are no cents). Exact: no float rounding.
 */
export function formatAmount(value: string, language: string): string {
  const numeric = value.trim();
  if (!/^[-+]?\d+(\.\d+)?$/.test(numeric)) return value;
  const cents = /\.\d*[1-9]/.test(numeric);
  return new Intl.NumberFormat(language, { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 }).format(
    numeric as Intl.StringNumericLiteral,
  );
}

/** The digit-group and decimal marks of the given language ("," and "." in English, "." and "," in Italian). */
export function numberSeparators(language: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(language).formatToParts(12345.6);
  return {
    group: parts.find((part) => part.type === "group")?.value ?? ",",
    decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
  };
}
