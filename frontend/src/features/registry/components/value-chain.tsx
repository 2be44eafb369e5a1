import { useTranslation } from "react-i18next";

import { VALUE_CHAIN } from "@/features/registry/utils/value-chain";

/** The whole chain fibre → … → recycling in order, the organisation's own steps highlighted. */
export function ValueChain({ steps, labelledBy }: { steps: readonly string[]; labelledBy: string }) {
  const { t } = useTranslation("registry");
  return (
    <ol className="value-chain" aria-labelledby={labelledBy}>
      {VALUE_CHAIN.map((step) => {
        const active = steps.includes(step);
        return (
          <li
            key={step}
            className={active ? "value-chain__step value-chain__step--active" : "value-chain__step"}
            data-step={step}
            data-active={active}
          >
            <span className="value-chain__name">{t(`valueChain.${step}`)}</span>
            {active && <span className="visually-hidden"> {t("profile.valueChainActive")}</span>}
          </li>
        );
      })}
    </ol>
  );
}
