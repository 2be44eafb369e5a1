/**
 * ISO 3166-1 alpha-2 -> numeric codes for Europe and its neighbours: Natural Earth (world-atlas)
 * identifies countries by the numeric code, the API by alpha-2.
 */
const NUMERIC_BY_ALPHA2: Readonly<Record<string, string>> = {
  AL: "008", AD: "020", AT: "040", BA: "070", BE: "056", BG: "100", BY: "112", CH: "756", CY: "196",
  CZ: "203", DE: "276", DK: "208", EE: "233", EL: "300", ES: "724", FI: "246", FR: "250", GB: "826",
  GR: "300", HR: "191", HU: "348", IE: "372", IS: "352", IT: "380", LI: "438", LT: "440", LU: "442",
  LV: "428", MD: "498", ME: "499", MK: "807", MT: "470", NL: "528", NO: "578", PL: "616", PT: "620",
  RO: "642", RS: "688", SE: "752", SI: "705", SK: "703", TR: "792", UA: "804", UK: "826",
};

export function isoNumeric(alpha2: string): string | undefined {
  return NUMERIC_BY_ALPHA2[alpha2.toUpperCase()];
}
