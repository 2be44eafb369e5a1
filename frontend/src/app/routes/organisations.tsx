import { useTranslation } from "react-i18next";

import { OrganisationSearch } from "@/features/registry/components/organisation-search";

export function OrganisationsRoute() {
  const { t } = useTranslation();
  const { t: tRegistry } = useTranslation("registry");
  return (
    <>
      <title>{`${tRegistry("search.title")} · ${t("app.name")}`}</title>
      <OrganisationSearch />
    </>
  );
}
