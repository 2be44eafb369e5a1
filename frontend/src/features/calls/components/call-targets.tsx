import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useCallTargets, type TargetProgress } from "@/features/calls/api/get-call-targets";
import { formatNumber, formatPercent } from "@/lib/intl";

/** The call's portfolio targets as progress bars with their numbers ("7 of 24"). */
export function CallTargets({ id }: { id: string }) {
  const { t } = useTranslation("calls");
  const targets = useCallTargets(id);
  if (targets.isPending) return <Loading />;
  if (targets.isError) return <ProblemAlert error={targets.error} onRetry={() => void targets.refetch()} />;
  if (targets.data.items.length === 0) return <p className="muted">{t("targets.none")}</p>;
  return (
    <ul className="target-list" aria-label={t("targets.label")}>
      {targets.data.items.map((target) => (
        <TargetItem key={`${target.metric}-${target.region_code ?? "all"}-${target.year ?? "all"}`} target={target} />
      ))}
    </ul>
  );
}

function TargetItem({ target }: { target: TargetProgress }) {
  const { t, i18n } = useTranslation("calls");
  const language = i18n.language;
  const scope = [
    target.region_code ?? t("targets.allRegions"),
    target.year === null ? t("targets.allYears") : String(target.year),
  ].join(" · ");
  const label = `${t(`metric.${target.metric}`)} · ${scope}`;
  const reached = target.actual;
  return (
    <li
      className="target"
      data-metric={target.metric}
      data-region={target.region_code ?? ""}
      data-year={target.year ?? ""}
      data-actual={reached ?? ""}
      data-target={target.target}
    >
      <span className="target__label">{label}</span>
      {reached === null ? (
        <p className="target__numbers">{t("targets.notCounted", { target: formatNumber(target.target, language) })}</p>
      ) : (
        <>
          <progress max={Math.max(target.target, 1)} value={Math.min(reached, Math.max(target.target, 1))} aria-label={label} />
          <p className="target__numbers">
            {t("targets.progress", {
              actual: formatNumber(reached, language),
              target: formatNumber(target.target, language),
              share: formatPercent(target.target > 0 ? reached / target.target : 1, language, 0),
            })}
          </p>
        </>
      )}
      <p className="target__counted">{t("targets.counted", { what: target.counted_as })}</p>
    </li>
  );
}
