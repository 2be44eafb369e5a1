import { useTranslation } from "react-i18next";

import type { Region } from "@/lib/regions";
import { filtersFromCriteria } from "@/features/opportunities/utils/filters";

type CriteriaSummaryProps = { target: string; criteria: Record<string, unknown>; regions: Region[] };

/** A saved search's filters in words: "“cotton” · Circular economy · Norte". */
export function CriteriaSummary({ target, criteria, regions }: CriteriaSummaryProps) {
  const { t } = useTranslation("opportunities");
  const filters = filtersFromCriteria(criteria);
  const parts = [
    ...(filters.q ? [`“${filters.q}”`] : []),
    ...filters.priorities.map((code) => t(`priorities.${code}`)),
    ...filters.kinds.map((kind) => t(`kinds.${kind}`)),
    ...filters.regions.map((code) => regions.find((region) => region.code === code)?.name ?? code),
  ];
  return (
    <p className="criteria-summary">
      <span className="criteria-summary__target">{target === "organisations" ? t("saved.organisations") : t("saved.opportunities")}</span>
      {": "}
      {parts.length ? parts.join(" · ") : t("saved.anyFilter")}
    </p>
  );
}
