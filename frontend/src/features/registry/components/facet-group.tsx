import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import type { FacetBucket } from "@/features/registry/api/search-organisations";
import type { FacetName } from "@/features/registry/utils/search-params";
import { formatNumber } from "@/lib/intl";

const SHOWN_AT_FIRST = 8;

type FacetGroupProps = {
  facet: FacetName;
  buckets: readonly FacetBucket[];
  selected: readonly string[];
  label: (value: string) => string;
  onToggle: (value: string) => void;
};

/**
 * One facet as checkboxes with counts. Counts are disjunctive: ticking a second value of the same facet adds
 * its records. A ticked value the answer no longer counts stays listed (with 0) so it can be unticked.
 */
export function FacetGroup({ facet, buckets, selected, label, onToggle }: FacetGroupProps) {
  const { t, i18n } = useTranslation("registry");
  const language = i18n.resolvedLanguage ?? "en";
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  // the address changes a moment after the click: show the tick at once, until the address has it
  const [ticking, setTicking] = useState<Record<string, boolean>>({});
  const [seenSelected, setSeenSelected] = useState(selected);
  if (seenSelected !== selected) {
    setSeenSelected(selected);
    setTicking({});
  }

  const counted = new Set(buckets.map((bucket) => bucket.value));
  const all = [
    ...buckets,
    ...selected.filter((value) => !counted.has(value)).map((value) => ({ value, count: 0 })),
  ];
  const shown = expanded
    ? all
    : all.filter((bucket, index) => index < SHOWN_AT_FIRST || selected.includes(bucket.value));

  return (
    <fieldset className="facet" data-facet={facet}>
      <legend className="facet__legend">{t(`search.facets.${facet}`)}</legend>
      {all.length === 0 ? (
        <p className="muted small facet__empty">{t("search.facetEmpty")}</p>
      ) : (
        <ul id={listId} className="facet__list">
          {shown.map((bucket) => {
            const checked = ticking[bucket.value] ?? selected.includes(bucket.value);
            return (
              <li key={bucket.value} className="facet__item">
                <label className="facet__option">
                  <input
                    type="checkbox"
                    name={facet}
                    value={bucket.value}
                    checked={checked}
                    onChange={(event) => {
                      const next = event.target.checked;
                      setTicking((current) => ({ ...current, [bucket.value]: next }));
                      onToggle(bucket.value);
                    }}
                  />
                  <span className="facet__label">{label(bucket.value)}</span>{" "}
                  <span className="facet__count">({formatNumber(bucket.count, language)})</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {all.length > SHOWN_AT_FIRST && (
        <button
          type="button"
          className="button button--link facet__more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? t("search.showFewer") : t("search.showAll", { count: all.length })}
        </button>
      )}
    </fieldset>
  );
}
