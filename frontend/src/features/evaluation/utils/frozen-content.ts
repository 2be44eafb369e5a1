import type { components } from "@/api/schema";

/** A proposal as frozen at submission (the API's VersionContent; the assignment sends it untyped). */
export type FrozenContent = components["schemas"]["VersionContent"];
export type FrozenField = FrozenContent["fields"][number];
export type FrozenAttachment = FrozenContent["attachments"][number];
export type FrozenPartner = FrozenContent["partners"][number];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] => list(value).filter((item): item is string => typeof item === "string");

function organisation(value: unknown): FrozenContent["lead"] {
  const record = isObject(value) ? value : {};
  return {
    organisation_id: text(record.organisation_id) ?? "",
    name: text(record.name),
    region_code: text(record.region_code),
  };
}

/**
 * The frozen content read defensively: the document is stored as the applicants' submission was, so a field the
 * reader does not know is ignored and a missing one gets an empty value instead of breaking the page.
 */
export function readFrozenContent(content: Json): FrozenContent {
  return {
    format: typeof content.format === "number" ? content.format : 1,
    title: text(content.title) ?? "",
    acronym: text(content.acronym),
    summary: text(content.summary) ?? "",
    priorities: strings(content.priorities),
    value_chain: strings(content.value_chain),
    trl: typeof content.trl === "number" ? content.trl : null,
    budget_eur: text(content.budget_eur),
    requested_eur: text(content.requested_eur),
    lead: organisation(content.lead),
    partners: list(content.partners)
      .filter(isObject)
      .map((partner) => ({
        ...organisation(partner),
        status: text(partner.status) ?? "invited",
        role_description: text(partner.role_description) ?? "",
      })),
    fields: list(content.fields)
      .filter(isObject)
      .flatMap((field) => {
        const key = text(field.key);
        if (!key) return [];
        return [
          {
            key,
            label: text(field.label) ?? key,
            type: text(field.type) ?? "text",
            private_to_evaluators: field.private_to_evaluators === true,
          },
        ];
      }),
    answers: isObject(content.answers) ? content.answers : {},
    attachments: list(content.attachments)
      .filter(isObject)
      .flatMap((attachment) => {
        const id = text(attachment.id);
        if (!id) return [];
        return [
          {
            id,
            kind: text(attachment.kind) ?? "other",
            filename: text(attachment.filename) ?? id,
            media_type: text(attachment.media_type) ?? "application/octet-stream",
            size_bytes: typeof attachment.size_bytes === "number" ? attachment.size_bytes : 0,
            sha256: text(attachment.sha256) ?? "",
          },
        ];
      }),
  };
}

/** An answer as it should read: "" for no answer (the caller says "not answered"), lists joined. */
export type AnswerValue =
  | { kind: "empty" }
  | { kind: "boolean"; value: boolean }
  | { kind: "number"; value: number }
  | { kind: "date"; value: string }
  | { kind: "url"; value: string }
  | { kind: "text"; value: string };

export function answerValue(field: FrozenField, answer: unknown): AnswerValue {
  if (answer === null || answer === undefined || answer === "") return { kind: "empty" };
  if (field.type === "boolean" && typeof answer === "boolean") return { kind: "boolean", value: answer };
  if (field.type === "number" && typeof answer === "number") return { kind: "number", value: answer };
  if (field.type === "date" && typeof answer === "string") return { kind: "date", value: answer };
  if (field.type === "url" && typeof answer === "string" && /^https?:\/\//i.test(answer)) {
    return { kind: "url", value: answer };
  }
  if (typeof answer === "string") return { kind: "text", value: answer };
  if (typeof answer === "number" || typeof answer === "boolean") return { kind: "text", value: String(answer) };
  if (Array.isArray(answer)) return { kind: "text", value: answer.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join(", ") };
  return { kind: "text", value: JSON.stringify(answer) };
}

/** The download address of an attachment of the proposal (the gateway checks the reader may see it). */
export function attachmentUrl(proposalId: string, attachmentId: string): string {
  return `/api/proposals/proposals/${encodeURIComponent(proposalId)}/attachments/${encodeURIComponent(attachmentId)}/content`;
}

/** A file size in the largest fitting unit: [value, unit] for Intl ("kilobyte", "megabyte"…). */
export function fileSize(bytes: number): { value: number; unit: "byte" | "kilobyte" | "megabyte" } {
  if (bytes >= 1024 * 1024) return { value: Math.round((bytes / (1024 * 1024)) * 10) / 10, unit: "megabyte" };
  if (bytes >= 1024) return { value: Math.round((bytes / 1024) * 10) / 10, unit: "kilobyte" };
  return { value: bytes, unit: "byte" };
}
