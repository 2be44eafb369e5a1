import "@/features/partnership/components/partnership.css";

import { useId } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useRegions } from "@/lib/regions";
import { PrioritiesSection } from "@/features/partnership/components/priorities-section";
import { RegionDetail } from "@/features/partnership/components/region-detail";
import { RegionList } from "@/features/partnership/components/region-list";
import { RegionsMap } from "@/features/partnership/components/regions-map";
import { useSelectedRegion } from "@/features/partnership/hooks/use-selected-region";

/** The partnership home: what TEX4IM is, its regions on a map and in a list, and its priorities. */
export function PartnershipOverview() {
  const { t } = useTranslation();
  const regionsHeadingId = useId();
  const regions = useRegions();
  const [selectedCode, select] = useSelectedRegion();

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t("partnership.title")}</h1>
        <p className="lead">{t("partnership.intro")}</p>
      </div>

      <section className="section" aria-labelledby={regionsHeadingId}>
        <h2 id={regionsHeadingId}>{t("partnership.regions.heading")}</h2>
        {regions.isPending && <Loading />}
        {regions.isError && <ProblemAlert error={regions.error} onRetry={() => void regions.refetch()} />}
        {regions.data && (
          <div className="regions-layout">
            <div className="regions-layout__map panel">
              <RegionsMap regions={regions.data} selectedCode={selectedCode} onSelect={select} />
            </div>
            <div className="regions-layout__side">
              <RegionList regions={regions.data} selectedCode={selectedCode} onSelect={select} />
            </div>
            <div className="regions-layout__detail">
              {selectedCode ? (
                <RegionDetail key={selectedCode} code={selectedCode} onClose={() => select(null)} />
              ) : (
                <p className="panel panel--quiet muted">{t("partnership.detail.prompt")}</p>
              )}
            </div>
          </div>
        )}
      </section>

      <PrioritiesSection />
    </div>
  );
}
