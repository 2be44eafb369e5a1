import "@/features/registry/components/registry.css";

import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useOrganisationSearch } from "@/features/registry/api/search-organisations";
import { FacetGroup } from "@/features/registry/components/facet-group";
import { OrganisationResults } from "@/features/registry/components/organisation-results";
import { SearchBox } from "@/features/registry/components/search-box";
import { useLabels } from "@/features/registry/hooks/use-labels";
import { useSearchFilters } from "@/features/registry/hooks/use-search-filters";
import { FACETS, hasFilters, searchQuery } from "@/features/registry/utils/search-params";
import { formatNumber } from "@/lib/intl";

/** The registry: words and facets (kept in the address), the organisations found, and "Load more". */
export function OrganisationSearch() {
  const { t } = useTranslation("registry");
  const labels = useLabels();
  const [filters, actions] = useSearchFilters();
  const query = useMemo(() => searchQuery(filters), [filters]);
  const search = useOrganisationSearch(query);
  const filtersHeadingId = useId();
  const resultsHeadingId = useId();

  const firstPage = search.data?.pages[0];
  const items = search.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(filters) || Boolean(filters.q);

  let status = "";
  if (search.isPending) status = t("search.searching");
  else if (firstPage) {
    const formatted = formatNumber(firstPage.total, labels.language);
    status = t("search.resultCount", { count: firstPage.total, formatted });
  }

  return (
    <div className="page registry-page">
      <div className="page__header">
        <h1>{t("search.title")}</h1>
        <p className="lead">{t("search.intro")}</p>
        <SearchBox initial={filters.q} onSearch={actions.setText} />
      </div>

      <div className="registry-search">
        <aside className="registry-search__filters panel" aria-labelledby={filtersHeadingId}>
          <div className="registry-search__filters-head">
            <h2 id={filtersHeadingId} className="registry-search__filters-title">
              {t("search.filters")}
            </h2>
            {hasFilters(filters) && (
              <button type="button" className="button button--link" onClick={actions.clear}>
                {t("search.clearFilters")}
              </button>
            )}
          </div>
          {firstPage ? (
            FACETS.map((facet) => (
              <FacetGroup
                key={facet}
                facet={facet}
                buckets={firstPage.facets[facet]}
                selected={filters[facet]}
                label={(value) => labels.facetValue(facet, value)}
                onToggle={(value) => actions.toggle(facet, value)}
              />
            ))
          ) : search.isPending ? (
            <Loading />
          ) : null}
        </aside>

        <section className="registry-search__results" aria-labelledby={resultsHeadingId}>
          <h2 id={resultsHeadingId} className="visually-hidden">
            {t("search.results")}
          </h2>
          <p className="registry-search__count" role="status" aria-live="polite" aria-atomic="true">
            {status}
          </p>
          {search.isError && (
            <ProblemAlert
              error={search.error}
              onRetry={() => void (search.isFetchNextPageError ? search.fetchNextPage() : search.refetch())}
            />
          )}
          {firstPage && items.length === 0 && (
            <div className="panel panel--quiet registry-empty">
              <p>{filtered ? t("search.emptyFiltered") : t("search.emptyRegistry")}</p>
              {hasFilters(filters) && (
                <button type="button" className="button button--secondary" onClick={actions.clear}>
                  {t("search.clearFilters")}
                </button>
              )}
            </div>
          )}
          {items.length > 0 && (
            <div aria-busy={search.isPlaceholderData || search.isFetchingNextPage}>
              <OrganisationResults items={items} labels={labels} />
            </div>
          )}
          {firstPage && items.length > 0 && (
            <div className="registry-search__more">
              <p className="muted small">
                {t("search.shown", {
                  shown: formatNumber(items.length, labels.language),
                  total: formatNumber(firstPage.total, labels.language),
                })}
              </p>
              {search.hasNextPage && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={search.isFetchingNextPage}
                  onClick={() => void search.fetchNextPage()}
                >
                  {search.isFetchingNextPage ? t("search.loadingMore") : t("search.loadMore")}
                </button>
              )}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
