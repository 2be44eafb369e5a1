import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { Change, Comparison } from "@/features/proposals/api/compare-versions";
import type { Call } from "@/features/proposals/api/get-call";
import { Answer } from "@/features/proposals/components/proposal-overview";
import { WordDiff } from "@/features/proposals/components/word-diff";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { formatEuros } from "@/lib/intl";

type ComparisonViewProps = { comparison: Comparison; call: Call | undefined; labels: Labels };

type Described = { name?: string | null; region_code?: string | null; status?: string; filename?: string; kind?: string };

function described(value: unknown): Described | null {
  return typeof value === "object" && value !== null ? value : null;
}

/** A plain value as text (an object that is not a known item as JSON, never "[object Object]"). */
function plain(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : JSON.stringify(value);
}

/** Every change between the two versions, field by field; long texts as a word diff. */
export function ComparisonView({ comparison, call, labels }: ComparisonViewProps) {
  const { t } = useTranslation("proposals");
  const to = comparison.to_version === "current" ? t("compare.current") : t("compare.version", { number: comparison.to_version });

  const value = (change: Change, raw: unknown): ReactNode => {
    if (raw === null || raw === undefined || raw === "") return <span className="muted">{t("overview.none")}</span>;
    const item = described(raw);
    switch (change.field) {
      case "priorities":
        return labels.priority(plain(raw));
      case "value_chain":
        return labels.step(plain(raw));
      case "budget_eur":
      case "requested_eur":
        return formatEuros(plain(raw), labels.language);
      case "trl":
        return t("editor.trlLevel", { level: plain(raw) });
      case "lead":
        return item ? `${item.name ?? "?"} (${labels.region(item.region_code)})` : plain(raw);
      case "partners":
        return item
          ? `${item.name ?? "?"} (${labels.region(item.region_code)}) · ${labels.partnerStatus(item.status ?? "")}`
          : plain(raw);
      case "attachments":
        return item ? `${item.filename ?? "?"} (${labels.attachmentKind(item.kind ?? "")})` : plain(raw);
    }
    if (change.field.startsWith("answers.")) {
      const field = call?.fields.find((candidate) => `answers.${candidate.key}` === change.field);
      return <Answer field={field} value={raw} labels={labels} />;
    }
    return plain(raw);
  };

  return (
    <section className="comparison" aria-labelledby="comparison-heading" data-testid="comparison">
      <h3 id="comparison-heading">
        {t("compare.heading", { from: t("compare.version", { number: comparison.from_version }), to })}
      </h3>
      <p role="status" aria-live="polite">
        {comparison.changes.length === 0
          ? t("compare.noChanges")
          : t("compare.count", { count: comparison.changes.length })}
      </p>
      {comparison.changes.some((change) => change.diff) && <p className="muted small">{t("compare.legend")}</p>}
      <ol className="change-list">
        {comparison.changes.map((change, index) => (
          <li
            key={`${change.field}-${change.item ?? ""}-${index}`}
            className="change"
            data-change-field={change.field}
            data-change={change.change}
          >
            <p className="change__head">
              <span className="change__label">{labels.field(change.field, change.label)}</span>{" "}
              <span className={`badge change__kind change__kind--${change.change}`}>{t(`compare.kinds.${change.change}`)}</span>
            </p>
            {change.diff ? (
              <WordDiff segments={change.diff} />
            ) : (
              <div className="change__values">
                {change.change !== "added" && (
                  <p>
                    <span className="change__side">{t("compare.before")}</span>{" "}
                    <del className="word-diff__delete">{value(change, change.before)}</del>
                  </p>
                )}
                {change.change !== "removed" && (
                  <p>
                    <span className="change__side">{t("compare.after")}</span>{" "}
                    <ins className="word-diff__insert">{value(change, change.after)}</ins>
                  </p>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
