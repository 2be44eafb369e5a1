import { useTranslation } from "react-i18next";

import { OpportunityMapPage } from "@/features/opportunities/components/opportunity-map-page";

export function MapRoute() {
  const { t } = useTranslation();
  const { t: tOpportunities } = useTranslation("opportunities");
  return (
    <>
      <title>{`${tOpportunities("map.title")} · ${t("app.name")}`}</title>
      <OpportunityMapPage />
    </>
  );
}
