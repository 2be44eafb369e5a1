import "@/features/opportunities/components/opportunities.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useDeleteSavedSearch } from "@/features/opportunities/api/delete-saved-search";
import { useSavedSearches, type SavedSearch } from "@/features/opportunities/api/get-saved-searches";
import { useRegions } from "@/lib/regions";
import { CriteriaSummary } from "@/features/opportunities/components/criteria-summary";
import { formatDate } from "@/lib/intl";

/** The caller's saved searches, each with how many results are new since they last looked. */
export function SavedSearches() {
  const { t } = useTranslation("opportunities");
  const searches = useSavedSearches();

  return (
    <div className="page saved-searches">
      <div className="page__header">
        <h1>{t("saved.title")}</h1>
        <p className="lead">{t("saved.intro")}</p>
      </div>
      {searches.isPending && <Loading />}
      {searches.isError && <ProblemAlert error={searches.error} onRetry={() => void searches.refetch()} />}
      {searches.data && searches.data.length === 0 && (
        <div className="panel panel--quiet">
          <p>{t("saved.empty")}</p>
          <p>
            <Link to="/map">{t("saved.toMap")}</Link>
          </p>
        </div>
      )}
      {searches.data && searches.data.length > 0 && (
        <ul className="saved-search-list" aria-label={t("saved.title")}>
          {searches.data.map((search) => (
            <SavedSearchItem key={search.id} search={search} />
          ))}
        </ul>
      )}
    </div>
  );
}

function SavedSearchItem({ search }: { search: SavedSearch }) {
  const { t, i18n } = useTranslation("opportunities");
  const language = i18n.resolvedLanguage ?? "en";
  const regions = useRegions();
  const remove = useDeleteSavedSearch();
  const [confirming, setConfirming] = useState(false);

  return (
    <li className="saved-search-card panel" data-saved-search-id={search.id}>
      <div className="saved-search-card__head">
        <h2 className="saved-search-card__name">
          <Link to={`/saved-searches/${search.id}`}>{search.name}</Link>
        </h2>
        {search.new_count > 0 && (
          <span className="badge badge--accent" data-new-count={search.new_count}>
            {t("saved.new", { count: search.new_count })}
          </span>
        )}
      </div>
      <CriteriaSummary target={search.target} criteria={search.criteria} regions={regions.data ?? []} />
      <p className="muted small">{t("saved.savedOn", { date: formatDate(search.created_at, language) })}</p>
      {remove.isError && <ProblemAlert error={remove.error} title={t("saved.deleteFailed")} />}
      <div className="saved-search-card__actions">
        {confirming ? (
          <>
            <span>{t("saved.confirmDelete", { name: search.name })}</span>
            <button
              type="button"
              className="button opp-button--danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(search.id)}
            >
              {remove.isPending ? t("saved.deleting") : t("saved.confirm")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t("saved.keep")}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t("saved.deleteNamed", { name: search.name })}
            onClick={() => setConfirming(true)}
          >
            {t("saved.delete")}
          </button>
        )}
      </div>
    </li>
  );
}
