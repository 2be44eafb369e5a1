import { useTranslation } from "react-i18next";

import type { ScreeningCheck } from "@/features/panel/api/get-screening";

const ICONS = { passed: "✓", failed: "✗", manual: "?" } as const;
const KNOWN = ["region_quota", "partner_regions", "priorities", "completeness", "partners_confirmed"] as const;
type KnownCheck = (typeof KNOWN)[number];
const isKnown = (key: string): key is KnownCheck => (KNOWN as readonly string[]).includes(key);

/** The automatic eligibility checks: passed, failed or for the manager to judge, each with its sentence. */
export function ScreeningChecklist({ checks }: { checks: readonly ScreeningCheck[] }) {
  const { t } = useTranslation("calls");
  const count = (outcome: ScreeningCheck["outcome"]) => checks.filter((check) => check.outcome === outcome).length;
  return (
    <>
      <p className="muted" data-testid="checks-summary">
        {t("screening.summary", { passed: count("passed"), failed: count("failed"), manual: count("manual") })}
      </p>
      <ul className="checklist" aria-label={t("screening.checks")}>
        {checks.map((check) => (
          <li key={check.key} className="checklist__item" data-check={check.key} data-outcome={check.outcome}>
            <span className="checklist__icon" aria-hidden="true">
              {ICONS[check.outcome]}
            </span>
            <p className="checklist__name">
              {isKnown(check.key) ? t(`screeningCheck.${check.key}`) : check.key}
              <span className="visually-hidden"> – </span>{" "}
              <span className={`badge badge--${check.outcome}`}>{t(`checkOutcome.${check.outcome}`)}</span>
            </p>
            <p className="checklist__detail">{check.detail}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
