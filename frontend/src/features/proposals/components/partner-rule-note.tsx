import { useTranslation } from "react-i18next";

import type { Proposal } from "@/features/proposals/api/get-proposal";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { partnerRule } from "@/features/proposals/utils/partner-rule";
import { formatList } from "@/lib/intl";

type PartnerRuleNoteProps = { proposal: Proposal; minRegions: number; labels: Labels };

/** The call's partner rule in plain words: regions needed, regions present, invitations that would add one. */
export function PartnerRuleNote({ proposal, minRegions, labels }: PartnerRuleNoteProps) {
  const { t } = useTranslation("proposals");
  const rule = partnerRule(proposal, minRegions);
  const names = (codes: string[]) => formatList(codes.map((code) => labels.regionName(code)), labels.language);
  return (
    <div className="partner-rule" data-testid="partner-rule" data-met={rule.met}>
      <p className="partner-rule__verdict">
        <span aria-hidden="true">{rule.met ? "✓ " : "✗ "}</span>
        {rule.met ? t("partners.rule.met") : t("partners.rule.notMet")}
      </p>
      <p>{t("partners.rule.needed", { count: rule.needed })}</p>
      <p>{t("partners.rule.present", { count: rule.present.length, regions: names(rule.present) })}</p>
      {rule.pending.length > 0 && <p>{t("partners.rule.pending", { regions: names(rule.pending) })}</p>}
    </div>
  );
}
