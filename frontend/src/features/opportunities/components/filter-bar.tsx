import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { Facets, FacetCount } from "@/features/opportunities/api/search-opportunities";
import type { Region } from "@/lib/regions";
import {
  hasFilters,
  MAP_LAYERS,
  OPPORTUNITY_KINDS,
  PRIORITY_CODES,
  toggle,
  type MapState,
} from "@/features/opportunities/utils/filters";

type FilterBarProps = {
  state: MapState;
  regions: Region[];
  /** Facet counts of the current search; counts of one facet ignore that facet's own choice (disjunctive). */
  facets: Facets | undefined;
  onChange: (change: Partial<MapState>) => void;
};

const SEARCH_DELAY_MS = 400;

function countOf(facet: readonly FacetCount[] | undefined, value: string): number | undefined {
  if (!facet) return undefined;
  return facet.find((entry) => entry.value === value)?.count ?? 0;
}

/** The map's filters: words, priorities, types, regions and the layers drawn. Every change goes to the address. */
export function FilterBar({ state, regions, facets, onChange }: FilterBarProps) {
  const { t } = useTranslation("opportunities");
  const searchId = useId();
  const [text, setText] = useState(state.q);
  const committed = useRef(state.q);

  // the address changed (back button, a shared link, "clear"): show its words
  useEffect(() => {
    if (state.q !== committed.current) {
      committed.current = state.q;
      setText(state.q);
    }
  }, [state.q]);

  // typing searches after a short pause
  useEffect(() => {
    if (text.trim() === committed.current.trim()) return;
    const timer = window.setTimeout(() => {
      committed.current = text.trim();
      onChange({ q: text.trim() });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, onChange]);

  function submit(event: FormEvent) {
    event.preventDefault();
    committed.current = text.trim();
    onChange({ q: text.trim() });
  }

  return (
    <div className="opp-filters">
      <form role="search" className="opp-filters__search" onSubmit={submit}>
        <label htmlFor={searchId}>{t("filters.search")}</label>
        <div className="opp-filters__search-row">
          <input
            id={searchId}
            type="search"
            name="q"
            value={text}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button--secondary">
            {t("filters.apply")}
          </button>
        </div>
      </form>

      <CheckboxGroup legend={t("filters.priority")}>
        {PRIORITY_CODES.map((code) => (
          <FacetCheckbox
            key={code}
            name="priority"
            value={code}
            label={t(`priorities.${code}`)}
            count={countOf(facets?.priority, code)}
            checked={state.priorities.includes(code)}
            onToggle={() => onChange({ priorities: toggle(state.priorities, code) })}
          />
        ))}
      </CheckboxGroup>

      <CheckboxGroup legend={t("filters.kind")}>
        {OPPORTUNITY_KINDS.map((kind) => (
          <FacetCheckbox
            key={kind}
            name="kind"
            value={kind}
            label={t(`kinds.${kind}`)}
            count={countOf(facets?.kind, kind)}
            checked={state.kinds.includes(kind)}
            onToggle={() => onChange({ kinds: toggle(state.kinds, kind) })}
          />
        ))}
      </CheckboxGroup>

      <CheckboxGroup legend={t("filters.region")}>
        {regions.map((region) => (
          <FacetCheckbox
            key={region.code}
            name="region"
            value={region.code}
            label={region.name}
            detail={region.code}
            count={countOf(facets?.region, region.code)}
            checked={state.regions.includes(region.code)}
            onToggle={() => onChange({ regions: toggle(state.regions, region.code) })}
          />
        ))}
      </CheckboxGroup>

      <CheckboxGroup legend={t("filters.layers")}>
        {MAP_LAYERS.map((layer) => (
          <FacetCheckbox
            key={layer}
            name="layers"
            value={layer}
            label={t(`layers.${layer}`)}
            checked={state.layers.includes(layer)}
            onToggle={() => onChange({ layers: toggle(state.layers, layer) })}
          />
        ))}
      </CheckboxGroup>

      {hasFilters(state) && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange({ q: "", priorities: [], kinds: [], regions: [] })}
        >
          {t("filters.clear")}
        </button>
      )}
    </div>
  );
}

function CheckboxGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="opp-filter-group">
      <legend className="opp-filter-group__legend">{legend}</legend>
      <ul className="opp-filter-group__options">{children}</ul>
    </fieldset>
  );
}

type FacetCheckboxProps = {
  name: string;
  value: string;
  label: string;
  detail?: string;
  count?: number;
  checked: boolean;
  onToggle: () => void;
};

/** A checkbox named by its label alone; the number of results it would give is its description. */
function FacetCheckbox({ name, value, label, detail, count, checked, onToggle }: FacetCheckboxProps) {
  const { t } = useTranslation("opportunities");
  const id = useId();
  const countId = useId();
  return (
    <li className="opp-facet">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        checked={checked}
        onChange={onToggle}
        aria-describedby={count === undefined ? undefined : countId}
      />
      <label htmlFor={id} className="opp-facet__label">
        {label}
        {detail && <span className="opp-facet__detail"> {detail}</span>}
      </label>
      {count !== undefined && (
        <span id={countId} className={count === 0 ? "opp-facet__count opp-facet__count--zero" : "opp-facet__count"}>
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t("filters.count", { count })}</span>
        </span>
      )}
    </li>
  );
}
