import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { ATTACHMENT_KINDS } from "@/features/proposals/utils/attachment-rules";
import { isAnswerField, STANDARD_FIELDS } from "@/features/proposals/utils/proposal-form";
import {
  isOneOf,
  PARTNER_STATUSES,
  PRIORITY_CODES,
  TIMELINE_KINDS,
  VALUE_CHAIN_STEPS,
} from "@/features/proposals/utils/vocabulary";
import { useRegions } from "@/lib/regions";

/** Words for the proposals' codes in the current language; an unknown code is shown as it is. */
export function useLabels() {
  const { t, i18n } = useTranslation("proposals");
  const language = i18n.resolvedLanguage ?? "en";
  const regions = useRegions();

  const priority = useCallback((code: string) => (isOneOf(PRIORITY_CODES, code) ? t(`priorities.${code}`) : code), [t]);
  const step = useCallback((code: string) => (isOneOf(VALUE_CHAIN_STEPS, code) ? t(`valueChain.${code}`) : code), [t]);
  const attachmentKind = useCallback(
    (code: string) => (isOneOf(ATTACHMENT_KINDS, code) ? t(`attachments.kinds.${code}`) : code),
    [t],
  );
  const partnerStatus = useCallback(
    (code: string) => (isOneOf(PARTNER_STATUSES, code) ? t(`partners.status.${code}`) : code),
    [t],
  );
  const timelineKind = useCallback(
    (code: string) => (isOneOf(TIMELINE_KINDS, code) ? t(`timeline.kinds.${code}`) : code),
    [t],
  );
  /** "Toscana"; the code itself while the regions load or for a region outside the partnership. */
  const regionName = useCallback(
    (code: string | null | undefined) => {
      if (!code) return t("common.noRegion");
      return regions.data?.find((region) => region.code === code)?.name ?? code;
    },
    [regions.data, t],
  );
  /** "Toscana (ITI1)". */
  const region = useCallback(
    (code: string | null | undefined) => {
      const name = regionName(code);
      return code && name !== code ? `${name} (${code})` : name;
    },
    [regionName],
  );
  /** A standard field's name; an answer's field is named by the call (`fallback`). */
  const field = useCallback(
    (name: string, fallback?: string) => {
      const bare = name.replace(/^body\./, "");
      if (isOneOf(STANDARD_FIELDS, bare)) return t(`fields.${bare}`);
      if (bare === "partners") return t("fields.partners");
      if (bare === "lead" || bare === "lead_organisation_id") return t("fields.lead");
      if (bare === "attachments") return t("fields.attachments");
      if (isAnswerField(bare)) return fallback ?? bare.slice("answers.".length);
      return fallback ?? bare;
    },
    [t],
  );

  return useMemo(
    () => ({ language, priority, step, attachmentKind, partnerStatus, timelineKind, regionName, region, field }),
    [language, priority, step, attachmentKind, partnerStatus, timelineKind, regionName, region, field],
  );
}

export type Labels = ReturnType<typeof useLabels>;
