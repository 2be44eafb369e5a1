import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { downloadUrl, useAttachments } from "@/features/proposals/api/get-attachments";
import type { Proposal } from "@/features/proposals/api/get-proposal";
import { useRemoveAttachment } from "@/features/proposals/api/remove-attachment";
import { useUploadAttachment, type AttachmentKind } from "@/features/proposals/api/upload-attachment";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import {
  ACCEPT_ATTRIBUTE,
  ACCEPTED_EXTENSIONS,
  ATTACHMENT_KINDS,
  MAX_ATTACHMENT_BYTES,
  tooLarge,
} from "@/features/proposals/utils/attachment-rules";
import { newIdempotencyKey } from "@/features/proposals/utils/idempotency-key";
import { formatDateTime, formatFileSize } from "@/lib/intl";

type AttachmentsTabProps = { proposal: Proposal; labels: Labels };

/** The working copy's files: download for readers; upload and remove for the co-authors while editable. */
export function AttachmentsTab({ proposal, labels }: AttachmentsTabProps) {
  const { t } = useTranslation("proposals");
  const attachments = useAttachments(proposal.id);
  const remove = useRemoveAttachment(proposal.id);
  const [removing, setRemoving] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const manage = proposal.permissions.can_edit;

  return (
    <div className="attachments-tab">
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
      {manage && <UploadForm proposal={proposal} labels={labels} onUploaded={(name) => setNotice(t("attachments.uploaded", { name }))} />}

      <section aria-labelledby="attachments-heading">
        <h3 id="attachments-heading">{t("attachments.listTitle")}</h3>
        {attachments.isPending && <Loading />}
        {attachments.isError && <ProblemAlert error={attachments.error} onRetry={() => void attachments.refetch()} />}
        {remove.isError && <ProblemAlert error={remove.error} title={t("attachments.removeFailed")} />}
        {attachments.data?.length === 0 && (
          <p className="panel panel--quiet">{manage ? t("attachments.emptyManage") : t("attachments.empty")}</p>
        )}
        {attachments.data && attachments.data.length > 0 && (
          <table className="data-table attachments-table">
            <caption className="visually-hidden">{t("attachments.listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("attachments.columns.file")}</th>
                <th scope="col">{t("attachments.columns.kind")}</th>
                <th scope="col">{t("attachments.columns.size")}</th>
                <th scope="col">{t("attachments.columns.added")}</th>
                {manage && <th scope="col">{t("attachments.columns.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {attachments.data.map((attachment) => (
                <tr key={attachment.id} data-attachment-id={attachment.id}>
                  <td>
                    <a href={downloadUrl(attachment)} download={attachment.filename}>
                      {attachment.filename}
                    </a>
                  </td>
                  <td>{labels.attachmentKind(attachment.kind)}</td>
                  <td>{formatFileSize(attachment.size_bytes, labels.language)}</td>
                  <td>{formatDateTime(attachment.uploaded_at, labels.language)}</td>
                  {manage && (
                    <td>
                      {removing === attachment.id ? (
                        <span className="inline-confirm">
                          <button
                            type="button"
                            className="button button--primary"
                            disabled={remove.isPending}
                            onClick={() =>
                              remove.mutate(attachment.id, {
                                onSuccess: () => {
                                  setRemoving(null);
                                  setNotice(t("attachments.removed", { name: attachment.filename }));
                                },
                              })
                            }
                          >
                            {t("attachments.yesRemove", { name: attachment.filename })}
                          </button>
                          <button type="button" className="button button--secondary" onClick={() => setRemoving(null)}>
                            {t("common.cancel")}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button--link"
                          onClick={() => {
                            remove.reset();
                            setRemoving(attachment.id);
                          }}
                        >
                          {t("attachments.remove", { name: attachment.filename })}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted small">{t("attachments.versionsKeep")}</p>
      </section>
    </div>
  );
}

function UploadForm({ proposal, labels, onUploaded }: { proposal: Proposal; labels: Labels; onUploaded: (name: string) => void }) {
  const { t } = useTranslation("proposals");
  const upload = useUploadAttachment(proposal.id);
  const [kind, setKind] = useState<AttachmentKind>("technical_annex");
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState("");
  // one key per chosen file: a retried upload of the same file is stored once
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const input = useRef<HTMLInputElement>(null);
  const ids = { kind: useId(), file: useId(), rules: useId(), problem: useId(), heading: useId() };
  const limit = formatFileSize(MAX_ATTACHMENT_BYTES, labels.language);

  return (
    <section className="upload-attachment panel" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t("attachments.uploadTitle")}</h3>
      <form
        className="form"
        aria-labelledby={ids.heading}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) {
            setProblem(t("attachments.chooseFile"));
            input.current?.focus();
            return;
          }
          if (tooLarge(file)) {
            setProblem(t("attachments.tooLarge", { limit }));
            input.current?.focus();
            return;
          }
          upload.mutate(
            { kind, file, idempotencyKey },
            {
              onSuccess: (attachment) => {
                onUploaded(attachment.filename);
                setFile(null);
                setIdempotencyKey(newIdempotencyKey());
                if (input.current) input.current.value = "";
              },
            },
          );
        }}
      >
        <p id={ids.rules} className="field__hint" data-testid="attachment-rules">
          {t("attachments.rules", { limit, types: ACCEPTED_EXTENSIONS.map((extension) => extension.toUpperCase()).join(", ") })}
        </p>
        {upload.isError && <ProblemAlert error={upload.error} title={t("attachments.uploadFailed")} />}
        <div className="form__grid">
          <div className="field">
            <label htmlFor={ids.kind}>{t("attachments.kind")}</label>
            <select
              id={ids.kind}
              name="kind"
              className="select"
              value={kind}
              onChange={(event) => setKind(event.target.value as AttachmentKind)}
            >
              {ATTACHMENT_KINDS.map((code) => (
                <option key={code} value={code}>
                  {labels.attachmentKind(code)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.file}>{t("attachments.file")}</label>
            <input
              ref={input}
              id={ids.file}
              name="file"
              type="file"
              accept={ACCEPT_ATTRIBUTE}
              aria-describedby={[ids.rules, problem ? ids.problem : null].filter(Boolean).join(" ")}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => {
                setProblem("");
                upload.reset();
                setFile(event.target.files?.[0] ?? null);
                setIdempotencyKey(newIdempotencyKey());
              }}
            />
            {problem && (
              <p id={ids.problem} className="field__error">
                {problem}
              </p>
            )}
          </div>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={upload.isPending}>
            {upload.isPending ? t("attachments.uploading") : t("attachments.upload")}
          </button>
        </div>
      </form>
    </section>
  );
}
