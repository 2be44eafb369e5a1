import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { Cluster, Region } from "@/lib/regions";
import { clusterLabel } from "@/features/partnership/utils/cluster-label";
import { countryName } from "@/lib/intl";

type RegionListProps = {
  regions: Region[];
  selectedCode: string | null;
  onSelect: (code: string) => void;
};

function partnerClusters(region: Region): Cluster[] {
  const partners = region.clusters.filter((cluster) => cluster.is_partner);
  return partners.length ? partners : region.clusters;
}

/** The partner regions as a list; each entry opens the region's details. */
export function RegionList({ regions, selectedCode, onSelect }: RegionListProps) {
  const { t, i18n } = useTranslation();
  const { t: tr } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";

  return (
    <ul className="region-list" aria-label={t("partnership.regions.label")}>
      {regions.map((region) => {
        const clusters = partnerClusters(region);
        const coordinator = region.clusters.some((cluster) => cluster.is_coordinator);
        const selected = region.code === selectedCode;
        return (
          <li key={region.code} className="region-list__item" data-region-code={region.code}>
            <button
              type="button"
              className={selected ? "region-card region-card--selected" : "region-card"}
              aria-pressed={selected}
              onClick={() => onSelect(region.code)}
            >
              <span className="region-card__head">
                <span className="region-card__name">{region.name}</span>
                <span className="region-card__code">{region.code}</span>
              </span>
              <span className="region-card__country">{countryName(region.country_code, language)}</span>
              <span className="region-card__clusters">
                {clusters.length
                  ? clusters.map((cluster) => (
                      <span key={cluster.id} className="region-card__cluster">
                        {clusterLabel(cluster)}
                      </span>
                    ))
                  : t("partnership.regions.noCluster")}
              </span>
              {coordinator && <span className="badge badge--accent">{t("partnership.regions.coordinator")}</span>}
            </button>
            <Link
              to={`/regions/${region.code}`}
              className="region-list__profile"
              aria-label={tr("home.profileLinkName", { name: region.name })}
            >
              {tr("home.profileLink")}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
