import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { ManagersOnly } from "@/features/registry/components/managers-only";
import { OrganisationImport } from "@/features/registry/components/organisation-import";

export function OrganisationImportRoute() {
  const { t } = useTranslation();
  const { t: tRegistry } = useTranslation("registry");
  const me = useMe();
  const title = tRegistry("import.title");
  return (
    <>
      <title>{`${title} · ${t("app.name")}`}</title>
      <ManagersOnly title={title} memberships={me.data?.memberships ?? []}>
        <OrganisationImport />
      </ManagersOnly>
    </>
  );
}
