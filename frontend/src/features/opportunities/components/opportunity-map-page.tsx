import "@/features/opportunities/components/opportunities.css";

import { useCallback, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useIndicators } from "@/features/opportunities/api/get-indicators";
import { useMapPoints } from "@/features/opportunities/api/get-map-points";
import { useRegionBoundaries } from "@/features/opportunities/api/get-region-boundaries";
import { useRegions } from "@/lib/regions";
import { useOpportunitySearch } from "@/features/opportunities/api/search-opportunities";
import { ChoroplethLegend } from "@/features/opportunities/components/choropleth-legend";
import { FilterBar } from "@/features/opportunities/components/filter-bar";
import { IndicatorPicker } from "@/features/opportunities/components/indicator-picker";
import { MapLegend } from "@/features/opportunities/components/map-legend";
import { OpportunityList } from "@/features/opportunities/components/opportunity-list";
import { OpportunityMap } from "@/features/opportunities/components/opportunity-map";
import { SaveSearchForm } from "@/features/opportunities/components/save-search-form";
import { SelectedPoint } from "@/features/opportunities/components/selected-point";
import { useMapState } from "@/features/opportunities/hooks/use-map-state";
import { choroplethClasses } from "@/features/opportunities/utils/choropleth";
import { filtersOf, type MapState } from "@/features/opportunities/utils/filters";

/**
 * The opportunity map: filters (kept in the address), the map with clustered points and an optional
 * choropleth, and the matching opportunities in a list kept in step with the map's selection.
 */
export function OpportunityMapPage() {
  const { t } = useTranslation("opportunities");
  const resultsHeadingId = useId();
  const { state, update, select } = useMapState();
  const filters = useMemo(() => filtersOf(state), [state]);
  const onFilterChange = useCallback((change: Partial<MapState>) => update(change), [update]);

  const regions = useRegions();
  const search = useOpportunitySearch(filters);
  const points = useMapPoints(filters, state.layers);

  const anyBoundaries = useRegionBoundaries(null);
  const boundariesLoaded = anyBoundaries.data ? anyBoundaries.data.features.length > 0 : anyBoundaries.isError ? false : null;
  const indicators = useIndicators(boundariesLoaded === true);
  const coloured = useRegionBoundaries(state.indicator, boundariesLoaded === true && state.indicator !== null);
  const features = (state.indicator && coloured.data?.features) || anyBoundaries.data?.features || [];
  const classes = useMemo(
    () =>
      state.indicator && coloured.data
        ? choroplethClasses(coloured.data.features.flatMap((feature) => feature.properties.value ?? []))
        : null,
    [state.indicator, coloured.data],
  );

  const firstPage = search.data?.pages[0];
  const hits = useMemo(() => search.data?.pages.flatMap((page) => page.items) ?? [], [search.data]);
  const total = firstPage?.total;
  const mappedIds = useMemo(
    () =>
      state.layers.includes("opportunities") && points.data
        ? new Set(points.data.points.filter((point) => point.type === "opportunity").map((point) => point.id))
        : null,
    [state.layers, points.data],
  );

  return (
    <div className="page opportunity-map-page">
      <div className="page__header">
        <h1>{t("map.title")}</h1>
        <p className="lead">{t("map.intro")}</p>
        <p>
          <Link to="/saved-searches">{t("map.savedSearches")}</Link>
        </p>
      </div>

      {regions.isPending && <Loading />}
      {regions.isError && <ProblemAlert error={regions.error} onRetry={() => void regions.refetch()} />}
      {regions.data && (
        <div className="map-layout">
          <section className="map-layout__filters panel" aria-label={t("filters.label")}>
            <FilterBar state={state} regions={regions.data} facets={firstPage?.facets} onChange={onFilterChange} />
            <SaveSearchForm filters={filters} />
          </section>

          <div className="map-layout__map panel">
            <div className="map-layout__toolbar">
              <IndicatorPicker
                boundariesLoaded={boundariesLoaded}
                indicators={indicators.data}
                value={state.indicator}
                onChange={(indicator) => update({ indicator }, { replace: true })}
              />
            </div>
            {points.isError && (
              <ProblemAlert error={points.error} title={t("map.pointsFailed")} onRetry={() => void points.refetch()} />
            )}
            {coloured.isError && <ProblemAlert error={coloured.error} title={t("indicator.failed")} />}
            {points.data?.truncated && (
              <p className="opp-notice" role="note">
                {t("map.truncated", { shown: points.data.points.length })}
              </p>
            )}
            <OpportunityMap
              regions={regions.data}
              points={state.layers.length ? (points.data?.points ?? []) : []}
              boundaries={features}
              classes={classes}
              selectedId={state.selected}
              onSelect={select}
            />
            <SelectedPoint
              selectedId={state.selected}
              hits={hits}
              points={points.data?.points ?? []}
              onClear={() => select(null)}
            />
            <div className="map-layout__legends">
              <MapLegend layers={state.layers} />
              {boundariesLoaded && classes && (
                <ChoroplethLegend
                  indicator={indicators.data?.find((entry) => entry.code === state.indicator)}
                  features={coloured.data?.features ?? []}
                  classes={classes}
                />
              )}
            </div>
          </div>

          <section className="map-layout__list panel" aria-labelledby={resultsHeadingId} aria-busy={search.isFetching}>
            <h2 id={resultsHeadingId}>{t("results.heading")}</h2>
            <p className="opp-result-count" role="status" aria-live="polite" data-testid="result-count">
              {total === undefined ? (search.isPending ? t("results.loading") : "") : t("results.count", { count: total })}
            </p>
            {search.isError && <ProblemAlert error={search.error} onRetry={() => void search.refetch()} />}
            {firstPage && hits.length === 0 && <p className="panel panel--quiet muted">{t("results.empty")}</p>}
            {hits.length > 0 && (
              <OpportunityList
                items={hits}
                regions={regions.data}
                selectedId={state.selected}
                onSelect={select}
                mappedIds={mappedIds}
              />
            )}
            {search.hasNextPage && (
              <button
                type="button"
                className="button button--secondary button--block"
                disabled={search.isFetchingNextPage}
                onClick={() => void search.fetchNextPage()}
              >
                {search.isFetchingNextPage ? t("results.loadingMore") : t("results.more")}
              </button>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
