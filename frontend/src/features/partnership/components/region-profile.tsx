import "@/features/partnership/components/partnership.css";
import "@/features/partnership/components/regions.css";

import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useRegion } from "@/features/partnership/api/get-region";
import { useRegions } from "@/lib/regions";
import { useScorecard } from "@/features/partnership/api/get-scorecard";
import { FigureList } from "@/features/partnership/components/figure-list";
import { IndicatorsSection } from "@/features/partnership/components/indicators-section";
import { PlatformFigures } from "@/features/partnership/components/platform-figures";
import { RegionLocatorMap } from "@/features/partnership/components/region-locator-map";
import { S3PrioritiesSection } from "@/features/partnership/components/s3-priorities-section";
import { clusterLabel } from "@/features/partnership/utils/cluster-label";
import { managesRegion, type Membership } from "@/features/partnership/utils/region-access";
import { countryName, formatNumber } from "@/lib/intl";

type RegionProfileProps = { code: string; memberships: readonly Membership[] };

/**
 * One region's profile: where it is, its partner clusters, its indicators and published figures (each with
 * scope, year, quality and source), its S3 priorities and the platform's live counts. The region's cluster
 * managers and the consortium admin keep the indicators and S3 priorities here.
 */
export function RegionProfile({ code, memberships }: RegionProfileProps) {
  const { t, i18n } = useTranslation("regions");
  const { t: tp } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const region = useRegion(code);
  const regions = useRegions();
  const scorecard = useScorecard();
  const clustersHeadingId = useId();
  const platformHeadingId = useId();
  const figuresHeadingId = useId();

  if (region.isPending) return <Loading />;
  if (region.isError) {
    return (
      <div className="page">
        <p>
          <Link to="/">{t("profile.back")}</Link>
        </p>
        <ProblemAlert error={region.error} onRetry={() => void region.refetch()} />
      </div>
    );
  }

  const data = region.data;
  const canManage = managesRegion(memberships, data.code);
  const platform = scorecard.data?.regions.find((candidate) => candidate.code === data.code)?.platform;

  return (
    <div className="page region-profile regions-ui" data-region-code={data.code}>
      <div className="page__header region-profile__header">
        <div>
          <p className="breadcrumb">
            <Link to={`/?region=${data.code}`}>{t("profile.back")}</Link>
          </p>
          <h1>{data.name}</h1>
          <dl className="facts">
            <div>
              <dt>{tp("partnership.detail.country")}</dt>
              <dd>{countryName(data.country_code, language)}</dd>
            </div>
            <div>
              <dt>{tp("partnership.detail.nutsCode")}</dt>
              <dd>
                <a href={data.nuts_uri} rel="noreferrer" target="_blank" className="nuts-link">
                  {data.code}
                </a>
              </dd>
            </div>
            <div>
              <dt>{tp("partnership.detail.area")}</dt>
              <dd>
                {data.area_km2 === null
                  ? tp("partnership.detail.notStated")
                  : tp("partnership.detail.areaValue", { value: formatNumber(data.area_km2, language) })}
              </dd>
            </div>
          </dl>
          {canManage && <p className="badge badge--role region-profile__manager">{t("profile.youManage")}</p>}
        </div>
        <div className="region-profile__map panel">
          <RegionLocatorMap region={data} regions={regions.data ?? []} />
        </div>
      </div>

      <section className="section" aria-labelledby={clustersHeadingId}>
        <h2 id={clustersHeadingId}>{t("profile.clusters")}</h2>
        {data.clusters.length === 0 ? (
          <p className="panel panel--quiet">{tp("partnership.detail.noClusters")}</p>
        ) : (
          <ul className="cluster-cards">
            {data.clusters.map((cluster) => (
              <li key={cluster.id} className="panel cluster-card" data-cluster-id={cluster.id}>
                <Link to={`/clusters/${cluster.id}`} className="cluster-card__name">
                  {clusterLabel(cluster)}
                </Link>
                {cluster.managed_by && (
                  <span className="muted">{tp("partnership.detail.managedBy", { name: cluster.managed_by })}</span>
                )}
                <span className="badges">
                  {cluster.is_partner && <span className="badge">{tp("partnership.detail.partner")}</span>}
                  {cluster.is_coordinator && (
                    <span className="badge badge--accent">{tp("partnership.detail.coordinator")}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby={platformHeadingId}>
        <h2 id={platformHeadingId}>{t("profile.platform")}</h2>
        {scorecard.isPending && <Loading />}
        {scorecard.isError && <ProblemAlert error={scorecard.error} onRetry={() => void scorecard.refetch()} />}
        {scorecard.data &&
          (platform ? <PlatformFigures figures={platform} /> : <p className="muted">{t("profile.noPlatform")}</p>)}
        <p className="small">
          <Link to="/regions/scorecard">{t("profile.compare")}</Link>
        </p>
      </section>

      <IndicatorsSection regionCode={data.code} indicators={data.indicators} canManage={canManage} />

      <section className="section" aria-labelledby={figuresHeadingId}>
        <h2 id={figuresHeadingId}>{tp("partnership.detail.figures")}</h2>
        <p className="muted">{tp("partnership.detail.figuresNote")}</p>
        <FigureList figures={data.figures} />
      </section>

      <S3PrioritiesSection regionCode={data.code} priorities={data.s3_priorities} canManage={canManage} />
    </div>
  );
}
