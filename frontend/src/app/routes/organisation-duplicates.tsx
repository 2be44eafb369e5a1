import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { DuplicateReview } from "@/features/registry/components/duplicate-review";
import { ManagersOnly } from "@/features/registry/components/managers-only";

export function OrganisationDuplicatesRoute() {
  const { t } = useTranslation();
  const { t: tRegistry } = useTranslation("registry");
  const me = useMe();
  const title = tRegistry("duplicates.title");
  return (
    <>
      <title>{`${title} · ${t("app.name")}`}</title>
      <ManagersOnly title={title} memberships={me.data?.memberships ?? []}>
        <DuplicateReview />
      </ManagersOnly>
    </>
  );
}
