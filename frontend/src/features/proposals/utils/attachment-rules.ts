/** What the API accepts as an attachment (proposals service, attachments.py): checked before uploading. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ["pdf", "png", "jpg", "jpeg", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt"];
export const ATTACHMENT_KINDS = ["budget", "letter_of_support", "presentation", "technical_annex", "other"] as const;

/** For the file input's `accept`: the extensions the API takes (it still decides by the content). */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(",");

export function tooLarge(file: Pick<File, "size">): boolean {
  return file.size > MAX_ATTACHMENT_BYTES;
}
