/**
 * Amounts in euros as people type them ("250.000,50" in Italian, "250,000.50" in English, "250000") and as the
 * API takes them: a decimal string with at most two decimals ("250000.50"). No floating point on the way.
 */
import { formatAmount, numberSeparators } from "@/lib/intl";

export type EuroParse = { ok: true; value: string | null } | { ok: false; reason: "format" | "cents" | "too_large" };

const MAX_INTEGER_DIGITS = 12; // the API's 14 digits, 2 of them after the point

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function canonical(integer: string, fraction: string): EuroParse {
  const digits = integer.replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_INTEGER_DIGITS) return { ok: false, reason: "too_large" };
  if (fraction.length > 2) return { ok: false, reason: "cents" };
  return { ok: true, value: `${digits}.${fraction.padEnd(2, "0")}` };
}

/**
 * What was typed, read in the interface's language: its grouping (in groups of three) and its decimal mark.
 * A lone "." or "," followed by one or two digits is a decimal mark in any language ("1500.5" in Italian).
 * Blank is `null` (no amount).
 */
export function parseEuroInput(text: string, language: string): EuroParse {
  const compact = text.replace(/[\s\u00a0\u202f€]|EUR/gi, "");
  if (!compact) return { ok: true, value: null };
  if (/^-/.test(compact)) return { ok: false, reason: "format" };
  const { group, decimal } = numberSeparators(language);
  const plain = /^(\d+)(?:[.,](\d+))?$/.exec(compact);
  if (plain && !(plain[2]?.length === 3 && compact.includes(group.trim() || " "))) {
    return canonical(plain[1] ?? "", plain[2] ?? "");
  }
  const groupMark = group.trim() ? escape(group) : "[\\s\\u00a0\\u202f]";
  const grouped = new RegExp(`^(\\d{1,3}(?:${groupMark}\\d{3})+)(?:${escape(decimal)}(\\d+))?$`).exec(compact);
  if (grouped) return canonical((grouped[1] ?? "").replace(/\D/g, ""), grouped[2] ?? "");
  return { ok: false, reason: "format" };
}

/** A decimal string from the API ("250000.00") as the field shows it: grouped, cents only when there are some. */
export function formatEuroInput(value: string | null, language: string): string {
  return value === null ? "" : formatAmount(value, language);
}

/** a ≤ b for two decimal strings with two decimals ("1000.00" ≤ "250000.00"), exactly. */
export function notGreater(a: string, b: string): boolean {
  const [ai = "0", af = "00"] = a.split(".");
  const [bi = "0", bf = "00"] = b.split(".");
  const left = BigInt(ai + af.padEnd(2, "0").slice(0, 2));
  const right = BigInt(bi + bf.padEnd(2, "0").slice(0, 2));
  return left <= right;
}
