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
