import { useTranslation } from "react-i18next";

import type { Call } from "@/features/calls/api/get-call";
import { callRules, type CallRule } from "@/features/calls/utils/rules";
import { formatDecimal, formatList } from "@/lib/intl";

/** The call's rules in plain words: "Partners from at least 2 regions", "3 evaluators each"… */
export function CallRules({ call }: { call: Call }) {
  const { t, i18n } = useTranslation("calls");
  const language = i18n.language;

  function say(rule: CallRule): string {
    switch (rule.key) {
      case "partnerRegions":
      case "regionQuota":
      case "evaluators":
      case "selectedPerRegion":
        return t(`rules.${rule.key}`, { count: rule.count });
      case "divergence":
      case "passing":
        return t(`rules.${rule.key}`, { value: formatDecimal(rule.value, language, 2) });
      case "selection":
        return t("rules.selection", { count: rule.selected, reserve: rule.reserve });
      case "tieBreaks":
        return t("rules.tieBreaks", {
          rules: formatList(
            rule.rules.map((item) => t(`tieBreak.${item}`)),
            language,
          ),
        });
      case "feedback":
        return t("rules.feedback", { policy: t(`feedback.${rule.policy}`) });
      default:
        return t(`rules.${rule.key}`);
    }
  }

  return (
    <ul className="rule-list" aria-label={t("detail.rules")}>
      {callRules(call).map((rule) => (
        <li key={rule.key} data-rule={rule.key}>
          {say(rule)}
        </li>
      ))}
    </ul>
  );
}
