import { ApiProblem } from "@/lib/problem";

/** The partnership's thematic priorities: an evaluator's possible expertise (the API's codes, in its order). */
export const PRIORITY_CODES = [
  "circular_economy",
  "industry_4_0",
  "digital_technologies",
  "advanced_materials",
  "creativity",
] as const;
export type PriorityCode = (typeof PRIORITY_CODES)[number];

/** The partner languages an evaluator may read proposals in. */
export const EVALUATION_LANGUAGES = ["en", "it", "ro", "es", "pt", "cs", "sv", "fr"] as const;
export type EvaluationLanguage = (typeof EVALUATION_LANGUAGES)[number];

export type OrganisationChoice = { id: string; name: string; region_code: string | null };

export type ProfileFormValues = {
  name: string;
  organisation: OrganisationChoice | null;
  /** "" follows the organisation's region. */
  region_code: string;
  expertise: string[];
  languages: string[];
  /** "" is no limit. */
  max_load: string;
};

export type ProfileField = "name" | "organisation_id" | "region_code" | "expertise" | "languages" | "max_load";

type SavedProfile = {
  name: string;
  organisation: OrganisationChoice | null;
  region_code: string | null;
  expertise: string[];
  languages: string[];
  max_load: number | null;
};

export function profileFormValues(profile: SavedProfile | null): ProfileFormValues {
  return {
    name: profile?.name ?? "",
    organisation: profile?.organisation ?? null,
    region_code: profile?.region_code ?? "",
    expertise: profile?.expertise ?? [],
    languages: profile?.languages ?? [],
    max_load: profile?.max_load === null || profile?.max_load === undefined ? "" : String(profile.max_load),
  };
}

/** Problems found before sending: the maximum load is a whole number from 1 to 100, or empty for no limit. */
export function profileProblems(values: ProfileFormValues): Partial<Record<ProfileField, "maxLoad">> {
  const load = values.max_load.trim();
  if (load && !(/^\d+$/.test(load) && Number(load) >= 1 && Number(load) <= 100)) return { max_load: "maxLoad" };
  return {};
}

/** The PUT body; the API fills in the name from the sign-in and the region from the organisation when left out. */
export function profileBody(values: ProfileFormValues) {
  const load = values.max_load.trim();
  return {
    ...(values.name.trim() ? { name: values.name.trim() } : {}),
    organisation_id: values.organisation?.id ?? null,
    region_code: values.region_code || null,
    expertise: PRIORITY_CODES.filter((code) => values.expertise.includes(code)),
    languages: EVALUATION_LANGUAGES.filter((code) => values.languages.includes(code)),
    max_load: load ? Number(load) : null,
  };
}

/** The API's field problems by field of the body ("body.expertise.1" -> "expertise"). */
export function apiFieldProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const byField: Record<string, string> = {};
  for (const problem of error.problem.errors ?? []) {
    const parts = problem.field.split(".");
    const name = parts[0] === "body" && parts.length > 1 ? parts[1] : parts.at(-1);
    if (name) byField[name] ??= problem.message;
  }
  return byField;
}
