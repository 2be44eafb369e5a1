import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useRegion } from "@/features/partnership/api/get-region";
import { FigureList } from "@/features/partnership/components/figure-list";
import { clusterLabel } from "@/features/partnership/utils/cluster-label";
import { countryName, formatNumber } from "@/lib/intl";

type RegionDetailProps = { code: string; onClose: () => void };

/** One region: country, NUTS code, clusters, and its secondary figures with scope, year and source. */
export function RegionDetail({ code, onClose }: RegionDetailProps) {
  const { t, i18n } = useTranslation();
  const { t: tr } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  const headingId = useId();
  const region = useRegion(code);

  return (
    <section className="panel region-detail" aria-labelledby={headingId} aria-busy={region.isPending}>
      <div className="region-detail__header">
        <h3 id={headingId} className="region-detail__title">
          {region.data ? `${region.data.name} (${region.data.code})` : code}
        </h3>
        <button type="button" className="button button--ghost" onClick={onClose} aria-label={t("partnership.detail.close")}>
          <span aria-hidden="true">×</span>
        </button>
      </div>

      {region.isPending && <Loading />}
      {region.isError && <ProblemAlert error={region.error} onRetry={() => void region.refetch()} />}
      {region.data && (
        <>
          <dl className="facts">
            <div>
              <dt>{t("partnership.detail.country")}</dt>
              <dd>{countryName(region.data.country_code, language)}</dd>
            </div>
            <div>
              <dt>{t("partnership.detail.nutsCode")}</dt>
              <dd>
                <a href={region.data.nuts_uri} rel="noreferrer" target="_blank">
                  {region.data.code}
                </a>
              </dd>
            </div>
            <div>
              <dt>{t("partnership.detail.area")}</dt>
              <dd>
                {region.data.area_km2 === null
                  ? t("partnership.detail.notStated")
                  : t("partnership.detail.areaValue", { value: formatNumber(region.data.area_km2, language) })}
              </dd>
            </div>
          </dl>
          <p className="region-detail__profile-link">
            <Link to={`/regions/${region.data.code}`} className="button button--secondary">
              {tr("home.openProfile", { name: region.data.name })}
            </Link>
          </p>

          <h4 className="region-detail__subtitle">{t("partnership.detail.clusters")}</h4>
          {region.data.clusters.length === 0 ? (
            <p className="muted">{t("partnership.detail.noClusters")}</p>
          ) : (
            <ul className="cluster-list">
              {region.data.clusters.map((cluster) => (
                <li key={cluster.id} className="cluster-list__item">
                  <span className="cluster-list__name">
                    <Link to={`/clusters/${cluster.id}`}>
                      <strong>{clusterLabel(cluster)}</strong>
                    </Link>
                  </span>
                  {cluster.managed_by && (
                    <span className="muted">{t("partnership.detail.managedBy", { name: cluster.managed_by })}</span>
                  )}
                  <span className="badges">
                    {cluster.is_partner && <span className="badge">{t("partnership.detail.partner")}</span>}
                    {cluster.is_coordinator && (
                      <span className="badge badge--accent">{t("partnership.detail.coordinator")}</span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}

          <h4 className="region-detail__subtitle">{t("partnership.detail.figures")}</h4>
          <p className="muted small">{t("partnership.detail.figuresNote")}</p>
          <FigureList figures={region.data.figures} />
        </>
      )}
    </section>
  );
}
