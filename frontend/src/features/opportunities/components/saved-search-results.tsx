import "@/features/opportunities/components/opportunities.css";

import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useRegions } from "@/lib/regions";
import { useSavedSearch } from "@/features/opportunities/api/get-saved-search";
import { useSavedSearchResults, type SavedSearchResult } from "@/features/opportunities/api/get-saved-search-results";
import { useMarkSavedSearchSeen } from "@/features/opportunities/api/mark-saved-search-seen";
import { CriteriaSummary } from "@/features/opportunities/components/criteria-summary";
import { DeadlineText } from "@/features/opportunities/components/deadline-text";
import { filtersFromCriteria, isOpportunityKind, mapPathFor } from "@/features/opportunities/utils/filters";

/** A saved search run now, its new results marked; opening it marks everything seen. */
export function SavedSearchResults({ id }: { id: string }) {
  const { t } = useTranslation("opportunities");
  const search = useSavedSearch(id);
  const results = useSavedSearchResults(id);
  const regions = useRegions();
  const markSeen = useMarkSavedSearchSeen();
  const marked = useRef(false);
  const { mutate } = markSeen;

  // after the results (with their "new" flags) have arrived, once per visit
  useEffect(() => {
    if (results.isSuccess && !marked.current) {
      marked.current = true;
      mutate(id);
    }
  }, [results.isSuccess, id, mutate]);

  const regionName = (code: string) => regions.data?.find((region) => region.code === code)?.name ?? code;

  return (
    <div className="page saved-search-results">
      <p>
        <Link to="/saved-searches">{t("saved.back")}</Link>
      </p>
      <div className="page__header">
        <h1>{search.data ? t("saved.resultsTitle", { name: search.data.name }) : t("saved.title")}</h1>
        {search.data && (
          <>
            <CriteriaSummary target={search.data.target} criteria={search.data.criteria} regions={regions.data ?? []} />
            {search.data.target === "opportunities" && (
              <p>
                <Link to={mapPathFor(filtersFromCriteria(search.data.criteria))}>{t("saved.openOnMap")}</Link>
              </p>
            )}
          </>
        )}
      </div>
      {search.isError && <ProblemAlert error={search.error} />}
      {results.isPending && <Loading />}
      {results.isError && <ProblemAlert error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && (
        <section className="section" aria-label={t("saved.resultsLabel")}>
          <p role="status" aria-live="polite" className="opp-result-count">
            {t("saved.resultsCount", { count: results.data.total })}
            {results.data.new_count > 0 && ` · ${t("saved.new", { count: results.data.new_count })}`}
          </p>
          {markSeen.isError && <ProblemAlert error={markSeen.error} title={t("saved.seenFailed")} />}
          {results.data.items.length === 0 ? (
            <p className="panel panel--quiet muted">{t("saved.noResults")}</p>
          ) : (
            <ul className="opportunity-list" aria-label={t("saved.resultsLabel")}>
              {results.data.items.map((item) => (
                <ResultItem key={item.id} item={item} regionName={regionName} />
              ))}
            </ul>
          )}
          {results.data.total > results.data.items.length && (
            <p className="muted small">{t("saved.moreResults", { shown: results.data.items.length })}</p>
          )}
        </section>
      )}
    </div>
  );
}

function ResultItem({ item, regionName }: { item: SavedSearchResult; regionName: (code: string) => string }) {
  const { t } = useTranslation("opportunities");
  const className = item.is_new ? "opportunity-card opportunity-card--new" : "opportunity-card";
  if (item.type === "organisation") {
    return (
      <li className={className} data-organisation-id={item.id} data-new={item.is_new ? "true" : "false"}>
        {item.is_new && <span className="badge badge--accent opportunity-card__new">{t("saved.newBadge")}</span>}
        <h2 className="opportunity-card__title">{item.name}</h2>
        <p className="opportunity-card__meta">{item.region_code ? regionName(item.region_code) : item.country_code}</p>
      </li>
    );
  }
  return (
    <li className={className} data-opportunity-id={item.id} data-new={item.is_new ? "true" : "false"}>
      {item.is_new && <span className="badge badge--accent opportunity-card__new">{t("saved.newBadge")}</span>}
      <p className="opportunity-card__kind">{isOpportunityKind(item.kind) ? t(`kinds.${item.kind}`) : item.kind}</p>
      <h2 className="opportunity-card__title">
        <Link to={`/opportunities/${item.id}`}>{item.title}</Link>
      </h2>
      <p className="opportunity-card__meta">
        <span>{item.region_codes.map(regionName).join(", ")}</span>
        {item.deadline && (
          <span>
            {t("results.deadline")} <DeadlineText deadline={item.deadline} />
          </span>
        )}
      </p>
    </li>
  );
}
