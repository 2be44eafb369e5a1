import { useTranslation } from "react-i18next";

import { PartnershipOverview } from "@/features/partnership/components/partnership-overview";

export function PartnershipRoute() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t("partnership.title")} · ${t("app.name")}`}</title>
      <PartnershipOverview />
    </>
  );
}
