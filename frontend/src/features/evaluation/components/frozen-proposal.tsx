import { useTranslation } from "react-i18next";

import type { FrozenVersion } from "@/features/evaluation/api/get-assignment";
import {
  answerValue,
  attachmentUrl,
  fileSize,
  readFrozenContent,
  type FrozenField,
} from "@/features/evaluation/utils/frozen-content";
import { PRIORITY_CODES } from "@/features/evaluation/utils/profile-form";
import { formatDate, formatDateTime, formatEuros, formatNumber } from "@/lib/intl";

type FrozenProposalProps = { proposalId: string; version: FrozenVersion | null };

/** The proposal exactly as submitted (the frozen version): content, organisations, answers (private ones too), files. */
export function FrozenProposal({ proposalId, version }: FrozenProposalProps) {
  const { t, i18n } = useTranslation("evaluation");
  const { t: tShared } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";

  if (!version) {
    return (
      <section className="panel frozen-proposal" aria-labelledby="frozen-title">
        <h2 id="frozen-title">{t("frozen.title")}</h2>
        <p className="empty-state">{t("frozen.none")}</p>
      </section>
    );
  }

  const content = readFrozenContent(version.content);
  const priorityName = (code: string) => {
    const known = PRIORITY_CODES.find((candidate) => candidate === code);
    return known ? tShared(`partnership.priorities.names.${known}`) : code;
  };
  const stepName = (step: string) => {
    const known = VALUE_CHAIN.find((candidate) => candidate === step);
    return known ? t(`valueChain.${known}`) : step;
  };
  const organisation = (name: string | null, region: string | null) =>
    `${name ?? t("frozen.unknownOrganisation")}${region ? ` (${region})` : ""}`;

  return (
    <section className="panel frozen-proposal" aria-labelledby="frozen-title" data-version={version.number}>
      <h2 id="frozen-title">{t("frozen.title")}</h2>
      <p className="muted small">
        {t("frozen.version", { number: version.number, date: formatDateTime(version.submitted_at, language) })}
      </p>

      <h3>{t("frozen.summary")}</h3>
      <p className="frozen-proposal__summary">{content.summary || t("frozen.noAnswer")}</p>

      <dl className="profile-facts">
        <div data-field="priorities">
          <dt>{t("frozen.priorities")}</dt>
          <dd>{content.priorities.length ? content.priorities.map(priorityName).join(", ") : t("frozen.noAnswer")}</dd>
        </div>
        <div data-field="value_chain">
          <dt>{t("frozen.valueChain")}</dt>
          <dd>{content.value_chain.length ? content.value_chain.map(stepName).join(", ") : t("frozen.noAnswer")}</dd>
        </div>
        <div data-field="trl">
          <dt>{t("frozen.trl")}</dt>
          <dd>{content.trl === null ? t("frozen.noAnswer") : formatNumber(content.trl, language)}</dd>
        </div>
        <div data-field="budget_eur">
          <dt>{t("frozen.budget")}</dt>
          <dd>{content.budget_eur ? formatEuros(content.budget_eur, language) : t("frozen.noAnswer")}</dd>
        </div>
        <div data-field="requested_eur">
          <dt>{t("frozen.requested")}</dt>
          <dd>{content.requested_eur ? formatEuros(content.requested_eur, language) : t("frozen.noAnswer")}</dd>
        </div>
        <div data-field="lead">
          <dt>{t("frozen.lead")}</dt>
          <dd>{organisation(content.lead.name, content.lead.region_code)}</dd>
        </div>
      </dl>

      <h3 id="frozen-partners">{t("frozen.partners")}</h3>
      {content.partners.length === 0 ? (
        <p className="muted">{t("frozen.noPartners")}</p>
      ) : (
        <ul className="frozen-proposal__partners" aria-labelledby="frozen-partners">
          {content.partners.map((partner) => (
            <li key={partner.organisation_id} data-organisation-id={partner.organisation_id}>
              <strong>{organisation(partner.name, partner.region_code)}</strong>{" "}
              <span className="badge">{t(partnerStatusKey(partner.status))}</span>
              {partner.role_description && <p className="small">{partner.role_description}</p>}
            </li>
          ))}
        </ul>
      )}

      <h3 id="frozen-answers">{t("frozen.answers")}</h3>
      {content.fields.length === 0 ? (
        <p className="muted">{t("frozen.noFields")}</p>
      ) : (
        <dl className="frozen-proposal__answers" aria-labelledby="frozen-answers">
          {content.fields.map((field) => (
            <div key={field.key} data-field-key={field.key} data-private={field.private_to_evaluators}>
              <dt>
                {field.label}
                {field.private_to_evaluators && (
                  <>
                    {" "}
                    <span className="badge badge--accent">{t("frozen.private")}</span>
                  </>
                )}
              </dt>
              <dd>
                <Answer field={field} answer={content.answers[field.key]} />
              </dd>
            </div>
          ))}
        </dl>
      )}

      <h3 id="frozen-attachments">{t("frozen.attachments")}</h3>
      {content.attachments.length === 0 ? (
        <p className="muted">{t("frozen.noAttachments")}</p>
      ) : (
        <ul className="frozen-proposal__attachments" aria-labelledby="frozen-attachments">
          {content.attachments.map((attachment) => {
            const size = fileSize(attachment.size_bytes);
            const sizeText = new Intl.NumberFormat(language, {
              style: "unit",
              unit: size.unit,
              unitDisplay: "short",
              maximumFractionDigits: 1,
            }).format(size.value);
            return (
              <li key={attachment.id} data-attachment-id={attachment.id}>
                <a href={attachmentUrl(proposalId, attachment.id)} download={attachment.filename}>
                  {attachment.filename}
                </a>{" "}
                <span className="muted small">
                  {t(attachmentKindKey(attachment.kind))} · {sizeText}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Answer({ field, answer }: { field: FrozenField; answer: unknown }) {
  const { t, i18n } = useTranslation("evaluation");
  const language = i18n.resolvedLanguage ?? "en";
  const value = answerValue(field, answer);
  switch (value.kind) {
    case "empty":
      return <span className="muted">{t("frozen.noAnswer")}</span>;
    case "boolean":
      return <>{value.value ? t("common.yes") : t("common.no")}</>;
    case "number":
      return <>{formatNumber(value.value, language)}</>;
    case "date":
      return <time dateTime={value.value}>{formatDate(value.value, language)}</time>;
    case "url":
      return (
        <a href={value.value} target="_blank" rel="noopener noreferrer">
          {value.value}
        </a>
      );
    default:
      return <span className="frozen-proposal__text">{value.value}</span>;
  }
}

const VALUE_CHAIN = ["fibre", "yarn", "fabric", "finishing", "garment", "retail", "recycling"] as const;
const PARTNER_STATUSES = ["invited", "confirmed", "declined"] as const;
const ATTACHMENT_KINDS = ["budget", "letter_of_support", "presentation", "technical_annex", "other"] as const;

function partnerStatusKey(status: string) {
  const known = PARTNER_STATUSES.find((candidate) => candidate === status) ?? "invited";
  return `partnerStatus.${known}` as const;
}

function attachmentKindKey(kind: string) {
  const known = ATTACHMENT_KINDS.find((candidate) => candidate === kind) ?? "other";
  return `attachmentKind.${known}` as const;
}
