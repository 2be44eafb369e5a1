import "@/features/registry/components/registry.css";

import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useRegistryClusters } from "@/features/registry/api/get-clusters";
import { useOrganisation, type Organisation } from "@/features/registry/api/get-organisation";
import { useRegions } from "@/lib/regions";
import { ContactsSection } from "@/features/registry/components/contacts-section";
import { MatchingOpportunities } from "@/features/registry/components/matching-opportunities";
import { MergedNotice } from "@/features/registry/components/merged-notice";
import { NaceList } from "@/features/registry/components/nace-list";
import { OrganisationEditForm } from "@/features/registry/components/organisation-edit-form";
import { ValueChain } from "@/features/registry/components/value-chain";
import { VisibilityBadge } from "@/features/registry/components/visibility-badge";
import { useLabels, type Labels } from "@/features/registry/hooks/use-labels";
import {
  canEditOrganisation,
  canManageOrganisation,
  type RegistryMembership,
} from "@/features/registry/utils/permissions";
import { formatDateTime } from "@/lib/intl";

type OrganisationProfileProps = {
  id: string;
  /** The signed-in user's memberships: who may edit is decided from them (the API checks again). */
  memberships: readonly RegistryMembership[];
};

/** One organisation: its public profile, its contacts when the API sends them, editing, and what fits it. */
export function OrganisationProfile({ id, memberships }: OrganisationProfileProps) {
  const { t } = useTranslation("registry");
  const { t: tShared } = useTranslation();
  const labels = useLabels();
  const query = useOrganisation(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <div className="page registry-page">
        <BackLink />
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  const { organisation, etag } = query.data;
  const merged = organisation.merged_into_id;
  const mayEdit = !merged && canEditOrganisation(memberships, organisation);

  return (
    <div className="page registry-page organisation-profile" data-organisation-id={organisation.id}>
      <title>{`${organisation.name} · ${tShared("app.name")}`}</title>
      <BackLink />
      {merged && <MergedNotice survivorId={merged} />}

      <header className="profile-header">
        <div>
          <h1 className="profile-header__title">{organisation.name}</h1>
          <p className="profile-header__meta">
            <span className="badge">{labels.kind(organisation.kind)}</span>
            <VisibilityBadge visibility={organisation.visibility} />
          </p>
        </div>
        {mayEdit && !editing && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t("edit.open")}
          </button>
        )}
      </header>

      <p role="status" className="profile-saved">
        {saved ? t("edit.saved") : ""}
      </p>

      {editing ? (
        <section className="panel profile-section" aria-label={t("edit.heading")}>
          <h2>{t("edit.heading")}</h2>
          {/* a new version (after a reload) rebuilds the form from it */}
          <OrganisationEditForm
            key={etag}
            organisation={organisation}
            etag={etag}
            labels={labels}
            mayChangeVisibility={canManageOrganisation(memberships, organisation)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
            onCancel={() => setEditing(false)}
            onReload={() => void query.refetch()}
            reloading={query.isFetching}
          />
        </section>
      ) : (
        <ProfileDetails organisation={organisation} labels={labels} />
      )}

      {organisation.contacts && <ContactsSection contacts={organisation.contacts} />}
      {!merged && <MatchingOpportunities organisationId={organisation.id} labels={labels} />}
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation("registry");
  return (
    <p className="back-link">
      <Link to="/organisations">{t("profile.back")}</Link>
    </p>
  );
}

function ProfileDetails({ organisation, labels }: { organisation: Organisation; labels: Labels }) {
  const { t } = useTranslation("registry");
  const factsId = useId();
  const naceId = useId();
  const chainId = useId();
  const capabilitiesId = useId();
  const certificationsId = useId();
  const prioritiesId = useId();
  const aboutId = useId();
  const notStated = <span className="muted">{t("profile.notStated")}</span>;
  const regions = useRegions();
  const clusters = useRegistryClusters({ enabled: organisation.cluster_ids.length > 0 });
  const regionCode = organisation.region_code;
  const partnerRegion = regionCode !== null && Boolean(regions.data?.some((region) => region.code === regionCode));

  return (
    <>
      <section className="panel profile-section" aria-labelledby={factsId}>
        <h2 id={factsId} className="visually-hidden">
          {t("profile.facts")}
        </h2>
        <dl className="facts profile-facts">
          <div>
            <dt>{t("fields.kind")}</dt>
            <dd>{labels.kind(organisation.kind)}</dd>
          </div>
          <div>
            <dt>{t("fields.city")}</dt>
            <dd>{organisation.city ?? notStated}</dd>
          </div>
          <div>
            <dt>{t("fields.region")}</dt>
            <dd>
              {regionCode === null ? (
                notStated
              ) : partnerRegion ? (
                <Link to={`/regions/${regionCode}`}>{`${labels.region(regionCode)} (${regionCode})`}</Link>
              ) : (
                regionCode
              )}
            </dd>
          </div>
          <div>
            <dt>{t("fields.country")}</dt>
            <dd>{labels.country(organisation.country_code)}</dd>
          </div>
          <div>
            <dt>{t("fields.size")}</dt>
            <dd>{organisation.size_class ? labels.size(organisation.size_class) : notStated}</dd>
          </div>
          <div>
            <dt>{t("fields.vatNumber")}</dt>
            <dd className="profile-facts__code">{organisation.vat_number ?? notStated}</dd>
          </div>
          <div>
            <dt>{t("fields.website")}</dt>
            <dd>
              {organisation.website ? (
                <a href={organisation.website} rel="noopener noreferrer" target="_blank">
                  {organisation.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                </a>
              ) : (
                notStated
              )}
            </dd>
          </div>
          {organisation.cluster_ids.length > 0 && (
            <div>
              <dt>{t("fields.clusters")}</dt>
              <dd>
                <ul className="profile-clusters">
                  {organisation.cluster_ids.map((id) => {
                    const cluster = clusters.data?.find((candidate) => candidate.id === id);
                    return (
                      <li key={id} data-cluster-id={id}>
                        <Link to={`/clusters/${id}`}>{cluster ? cluster.name : t("profile.cluster")}</Link>
                      </li>
                    );
                  })}
                </ul>
              </dd>
            </div>
          )}
          <div>
            <dt>{t("fields.updated")}</dt>
            <dd>{formatDateTime(organisation.updated_at, labels.language)}</dd>
          </div>
        </dl>
      </section>

      <section className="panel profile-section" aria-labelledby={aboutId}>
        <h2 id={aboutId}>{t("profile.about")}</h2>
        {organisation.description ? (
          <p className="profile-description" lang={organisation.language}>
            {organisation.description}
          </p>
        ) : (
          <p className="muted">{t("profile.noDescription")}</p>
        )}

        <h3 id={prioritiesId}>{t("fields.priorities")}</h3>
        {organisation.priorities.length ? (
          <ul className="badges profile-priorities" aria-labelledby={prioritiesId}>
            {organisation.priorities.map((code) => (
              <li key={code} className="badge" data-priority-code={code}>
                {labels.priority(code)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("profile.none")}</p>
        )}

        <h3 id={chainId}>{t("fields.valueChain")}</h3>
        <ValueChain steps={organisation.value_chain} labelledBy={chainId} />
        {organisation.value_chain.length === 0 && <p className="muted small">{t("profile.noValueChain")}</p>}

        <h3 id={naceId}>{t("fields.nace")}</h3>
        {organisation.nace_codes.length ? (
          <NaceList codes={organisation.nace_codes} labels={labels} labelledBy={naceId} />
        ) : (
          <p className="muted">{t("profile.none")}</p>
        )}

        <h3 id={capabilitiesId}>{t("fields.capabilities")}</h3>
        {organisation.capabilities.length ? (
          <ul className="tag-list" aria-labelledby={capabilitiesId}>
            {organisation.capabilities.map((capability) => (
              <li key={capability}>{capability}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("profile.none")}</p>
        )}

        <h3 id={certificationsId}>{t("fields.certifications")}</h3>
        {organisation.certifications.length ? (
          <ul className="tag-list" aria-labelledby={certificationsId}>
            {organisation.certifications.map((certification) => (
              <li key={certification}>{certification}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("profile.none")}</p>
        )}
      </section>
    </>
  );
}
