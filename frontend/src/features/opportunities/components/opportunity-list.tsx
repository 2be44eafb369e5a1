import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { OpportunityHit } from "@/features/opportunities/api/search-opportunities";
import type { Region } from "@/lib/regions";
import { DeadlineText } from "@/features/opportunities/components/deadline-text";
import { isOpportunityKind, isPriorityCode } from "@/features/opportunities/utils/filters";

type OpportunityListProps = {
  items: OpportunityHit[];
  regions: Region[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Ids drawn on the map (approximate places included); null while the map's points are not known. */
  mappedIds: ReadonlySet<string> | null;
};

/**
 * The search results beside the map. Each item links to its page and has a button that shows it on the
 * map; the item selected on the map is highlighted here and scrolled into view.
 */
export function OpportunityList({ items, regions, selectedId, onSelect, mappedIds }: OpportunityListProps) {
  const { t } = useTranslation("opportunities");
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-opportunity-id="${CSS.escape(selectedId)}"]`);
    item?.scrollIntoView?.({ block: "nearest", behavior: "auto" });
  }, [selectedId]);

  const regionName = (code: string) => regions.find((region) => region.code === code)?.name ?? code;

  return (
    <ul className="opportunity-list" aria-label={t("results.label")} ref={listRef}>
      {items.map((item) => {
        const selected = item.id === selectedId;
        const onMap = mappedIds ? mappedIds.has(item.id) : item.lon != null && item.lat != null;
        return (
          <li
            key={item.id}
            className={selected ? "opportunity-card opportunity-card--selected" : "opportunity-card"}
            data-opportunity-id={item.id}
            aria-current={selected ? "true" : undefined}
          >
            <p className="opportunity-card__kind">
              {isOpportunityKind(item.kind) ? t(`kinds.${item.kind}`) : item.kind}
            </p>
            <h3 className="opportunity-card__title">
              <Link to={`/opportunities/${item.id}`}>{item.title}</Link>
            </h3>
            <p className="opportunity-card__meta">
              <span>{item.region_codes.map(regionName).join(", ")}</span>
              {item.deadline && (
                <span>
                  {t("results.deadline")} <DeadlineText deadline={item.deadline} />
                </span>
              )}
            </p>
            {item.priorities.length > 0 && (
              <ul className="badges opportunity-card__priorities" aria-label={t("results.priorities")}>
                {item.priorities.map((code) => (
                  <li key={code} className="badge" data-priority-code={code}>
                    {isPriorityCode(code) ? t(`priorities.${code}`) : code}
                  </li>
                ))}
              </ul>
            )}
            {onMap ? (
              <button
                type="button"
                className="button button--secondary opportunity-card__locate"
                aria-pressed={selected}
                onClick={() => onSelect(selected ? null : item.id)}
              >
                {t("results.showOnMap")}
                <span className="visually-hidden">: {item.title}</span>
              </button>
            ) : (
              <p className="muted small">{t("results.noPlace")}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
