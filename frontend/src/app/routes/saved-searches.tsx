import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { SavedSearchResults } from "@/features/opportunities/components/saved-search-results";
import { SavedSearches } from "@/features/opportunities/components/saved-searches";

export function SavedSearchesRoute() {
  const { t } = useTranslation();
  const { t: tOpportunities } = useTranslation("opportunities");
  return (
    <>
      <title>{`${tOpportunities("saved.title")} · ${t("app.name")}`}</title>
      <SavedSearches />
    </>
  );
}

export function SavedSearchRoute() {
  const { t } = useTranslation();
  const { t: tOpportunities } = useTranslation("opportunities");
  const { savedSearchId = "" } = useParams();
  return (
    <>
      <title>{`${tOpportunities("saved.title")} · ${t("app.name")}`}</title>
      <SavedSearchResults key={savedSearchId} id={savedSearchId} />
    </>
  );
}
