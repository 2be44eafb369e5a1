import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { MapPoint } from "@/features/opportunities/api/get-map-points";
import type { OpportunityHit } from "@/features/opportunities/api/search-opportunities";

type SelectedPointProps = {
  selectedId: string | null;
  hits: OpportunityHit[];
  points: MapPoint[];
  onClear: () => void;
};

/** A short card under the map for what is selected: a link to the opportunity, or an organisation's name. */
export function SelectedPoint({ selectedId, hits, points, onClear }: SelectedPointProps) {
  const { t } = useTranslation("opportunities");
  if (!selectedId) return null;
  const hit = hits.find((item) => item.id === selectedId);
  const point = points.find((item) => item.id === selectedId);
  if (!hit && !point) return null;
  const isOrganisation = !hit && point?.type === "organisation";
  const label = hit?.title ?? point?.label ?? "";

  return (
    <div className="selected-point" data-selected-id={selectedId}>
      <p className="selected-point__type">{isOrganisation ? t("map.type.organisation") : t("map.type.opportunity")}</p>
      <p className="selected-point__label">
        {isOrganisation ? label : <Link to={`/opportunities/${selectedId}`}>{label}</Link>}
      </p>
      {point?.approximate && <p className="muted small">{t("map.approximateNote")}</p>}
      <button type="button" className="button button--ghost" aria-label={t("map.clearSelection")} onClick={onClear}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
