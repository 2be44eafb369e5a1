/**
 * The profile edit form: its values as the inputs hold them, and the PATCH body that changes only what the
 * user changed (an emptied optional field is sent as null, which clears it).
 */
import { inChainOrder } from "@/features/registry/utils/value-chain";
import { PRIORITY_CODES } from "@/features/registry/utils/vocabulary";

export type EditableOrganisation = {
  name: string;
  kind: string;
  vat_number: string | null;
  city: string | null;
  website: string | null;
  size_class: string | null;
  nace_codes: string[];
  value_chain: string[];
  priorities: string[];
  capabilities: string[];
  certifications: string[];
  description: string | null;
  visibility: string;
};

export type OrganisationFormValues = {
  name: string;
  kind: string;
  vat_number: string;
  city: string;
  website: string;
  size_class: string;
  nace_codes: string;
  value_chain: string[];
  priorities: string[];
  capabilities: string;
  certifications: string;
  description: string;
  visibility: string;
};

export const FORM_FIELDS = [
  "name",
  "kind",
  "vat_number",
  "city",
  "website",
  "size_class",
  "nace_codes",
  "value_chain",
  "priorities",
  "capabilities",
  "certifications",
  "description",
  "visibility",
] as const satisfies readonly (keyof OrganisationFormValues)[];
export type FormField = (typeof FORM_FIELDS)[number];

/** "C13.20, C14; C15" → ["C13.20", "C14", "C15"] (commas, semicolons or spaces). */
export function splitCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((code) => code.trim().toUpperCase()).filter(Boolean))];
}

/** One item a line (a capability may contain commas). */
export function splitLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

/** Comma-separated items (certifications). */
export function splitCommas(text: string): string[] {
  return [...new Set(text.split(",").map((item) => item.trim()).filter(Boolean))];
}

export function formValues(organisation: EditableOrganisation): OrganisationFormValues {
  return {
    name: organisation.name,
    kind: organisation.kind,
    vat_number: organisation.vat_number ?? "",
    city: organisation.city ?? "",
    website: organisation.website ?? "",
    size_class: organisation.size_class ?? "",
    nace_codes: organisation.nace_codes.join(", "),
    value_chain: inChainOrder(organisation.value_chain),
    priorities: PRIORITY_CODES.filter((code) => organisation.priorities.includes(code)),
    capabilities: organisation.capabilities.join("\n"),
    certifications: organisation.certifications.join(", "),
    description: organisation.description ?? "",
    visibility: organisation.visibility,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

const optional = (value: string): string | null => (value.trim() ? value.trim() : null);

export type OrganisationChanges = Partial<{
  name: string;
  kind: string;
  vat_number: string | null;
  city: string | null;
  website: string | null;
  size_class: string | null;
  nace_codes: string[];
  value_chain: string[];
  priorities: string[];
  capabilities: string[];
  certifications: string[];
  description: string | null;
  visibility: string;
}>;

/** The fields whose value differs from the record; empty when nothing changed. */
export function organisationChanges(
  organisation: EditableOrganisation,
  values: OrganisationFormValues,
): OrganisationChanges {
  const changes: OrganisationChanges = {};
  if (values.name.trim() !== organisation.name) changes.name = values.name.trim();
  if (values.kind !== organisation.kind) changes.kind = values.kind;
  for (const field of ["vat_number", "city", "website", "size_class", "description"] as const) {
    const value = optional(values[field]);
    if (value !== (organisation[field] ?? null)) changes[field] = value;
  }
  const nace = splitCodes(values.nace_codes);
  if (!sameList(nace, organisation.nace_codes)) changes.nace_codes = nace;
  if (!sameSet(values.value_chain, organisation.value_chain)) changes.value_chain = inChainOrder(values.value_chain);
  if (!sameSet(values.priorities, organisation.priorities)) changes.priorities = values.priorities;
  const capabilities = splitLines(values.capabilities);
  if (!sameList(capabilities, organisation.capabilities)) changes.capabilities = capabilities;
  const certifications = splitCommas(values.certifications);
  if (!sameList(certifications, organisation.certifications)) changes.certifications = certifications;
  if (values.visibility !== organisation.visibility) changes.visibility = values.visibility;
  return changes;
}

/**
 * Field problems of a 422 keyed by form field: `body.nace_codes.1` → nace_codes. Problems for fields the form
 * does not have are left to the alert's detail.
 */
export function fieldProblems(
  errors: readonly { field: string; message: string }[],
  fields: readonly string[] = FORM_FIELDS,
): Partial<Record<FormField, string>> {
  const byField: Partial<Record<FormField, string>> = {};
  for (const error of errors) {
    const parts = error.field.split(".");
    const name = parts.find((part) => fields.includes(part)) as FormField | undefined;
    if (name) byField[name] ??= error.message;
  }
  return byField;
}
