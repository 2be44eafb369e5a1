import "@/features/partnership/components/regions.css";

import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useCluster, type ClusterProfile as Cluster } from "@/features/partnership/api/get-cluster";
import { useClusterMembers } from "@/features/partnership/api/get-cluster-members";
import { ClusterEditForm } from "@/features/partnership/components/cluster-edit-form";
import { ClusterHistory } from "@/features/partnership/components/cluster-history";
import { EscpStepper } from "@/features/partnership/components/escp-stepper";
import { EscpTransitions } from "@/features/partnership/components/escp-transitions";
import { MembersByType } from "@/features/partnership/components/members-by-type";
import { ReadinessChecklist } from "@/features/partnership/components/readiness-checklist";
import { clusterLabel } from "@/features/partnership/utils/cluster-label";
import { isConsortiumAdmin, managesRegion, type Membership } from "@/features/partnership/utils/region-access";
import { countryName, formatDate, formatDecimal } from "@/lib/intl";

type ClusterProfileProps = { id: string; memberships: readonly Membership[] };

/**
 * A cluster's ECCP profile and its way into ESCP-S3: the profile fields, members by type, ESCA label, the
 * state stepper, the readiness checklist and the history; its region's managers and the admin edit it here.
 */
export function ClusterProfile({ id, memberships }: ClusterProfileProps) {
  const { t } = useTranslation("regions");
  const query = useCluster(id);
  const [editing, setEditing] = useState(false);
  const profileHeadingId = useId();
  const membersHeadingId = useId();
  const escpHeadingId = useId();
  const readinessHeadingId = useId();
  const historyHeadingId = useId();

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <div className="page">
        <p className="breadcrumb">
          <Link to="/">{t("profile.back")}</Link>
        </p>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  const versioned = query.data;
  const cluster = versioned.cluster;
  const canManage = managesRegion(memberships, cluster.region_code);
  const isAdmin = isConsortiumAdmin(memberships);

  return (
    <div className="page cluster-profile regions-ui" data-cluster-id={cluster.id}>
      <div className="page__header">
        <p className="breadcrumb">
          <Link to={`/regions/${cluster.region_code}`}>
            {t("cluster.backToRegion", { region: cluster.region_name })}
          </Link>
        </p>
        <h1>{clusterLabel(cluster)}</h1>
        <p className="badges">
          {cluster.is_partner && <span className="badge">{t("cluster.partner")}</span>}
          {cluster.is_coordinator && <span className="badge badge--accent">{t("cluster.coordinator")}</span>}
          <EscaBadge cluster={cluster} />
        </p>
        {cluster.description && <p className="lead">{cluster.description}</p>}
      </div>

      {canManage && (
        <div className="cluster-profile__tools">
          {!editing && (
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t("cluster.edit")}
            </button>
          )}
        </div>
      )}
      {canManage && editing && (
        <ClusterEditForm
          versioned={versioned}
          onReload={async () => (await query.refetch()).data}
          onDone={() => setEditing(false)}
        />
      )}

      <section className="section" aria-labelledby={escpHeadingId}>
        <h2 id={escpHeadingId}>{t("escp.heading")}</h2>
        <EscpStepper state={cluster.escp_state} />
        {canManage && (
          <EscpTransitions versioned={versioned} isAdmin={isAdmin} onReload={() => void query.refetch()} />
        )}
      </section>

      <div className="cluster-profile__columns">
        <section className="section" aria-labelledby={readinessHeadingId}>
          <h2 id={readinessHeadingId}>{t("readiness.heading")}</h2>
          <p className="muted">{cluster.ready ? t("readiness.ready") : t("readiness.notReady")}</p>
          <ReadinessChecklist criteria={cluster.readiness} />
        </section>

        <section className="section" aria-labelledby={membersHeadingId}>
          <h2 id={membersHeadingId}>{t("cluster.members.heading")}</h2>
          <MembersByType cluster={cluster} />
          <MemberOrganisations id={cluster.id} />
        </section>
      </div>

      <section className="section" aria-labelledby={historyHeadingId}>
        <h2 id={historyHeadingId}>{t("history.heading")}</h2>
        <ClusterHistory history={cluster.state_history} />
      </section>

      <section className="section" aria-labelledby={profileHeadingId}>
        <h2 id={profileHeadingId}>{t("cluster.profileHeading")}</h2>
        <ProfileFields cluster={cluster} />
      </section>
    </div>
  );
}

function EscaBadge({ cluster }: { cluster: Cluster }) {
  const { t, i18n } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  if (!cluster.esca_label) return <span className="badge badge--quiet">{t("cluster.esca.noLabel")}</span>;
  const label = t(`cluster.esca.${cluster.esca_label}`);
  const until = cluster.esca_valid_until;
  const expired = until !== null && until < new Date().toISOString().slice(0, 10);
  return (
    <span className={`badge esca-badge esca-badge--${cluster.esca_label}`} data-esca={cluster.esca_label}>
      {until
        ? t(expired ? "cluster.esca.expired" : "cluster.esca.validUntil", { label, date: formatDate(until, language) })
        : t("cluster.esca.noValidity", { label })}
    </span>
  );
}

function ProfileFields({ cluster }: { cluster: Cluster }) {
  const { t, i18n } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  const notRecorded = <span className="muted">{t("common.notRecorded")}</span>;
  const link = (url: string | null) =>
    url ? (
      <a href={url} rel="noreferrer" target="_blank">
        {url}
      </a>
    ) : (
      notRecorded
    );
  const tags = (items: string[]) =>
    items.length ? (
      <ul className="tag-list">
        {items.map((item) => (
          <li key={item} className="tag">
            {item}
          </li>
        ))}
      </ul>
    ) : (
      notRecorded
    );

  const rows: [string, ReactNode][] = [
    ["name", cluster.name],
    ["acronym", cluster.acronym],
    ["country", countryName(cluster.country_code, language)],
    ["region", <Link to={`/regions/${cluster.region_code}`}>{`${cluster.region_name} (${cluster.region_code})`}</Link>],
    ["managed_by", cluster.managed_by ?? notRecorded],
    ["website_en", link(cluster.website_en)],
    ["year_established", cluster.year_established ?? notRecorded],
    [
      "management_fte",
      cluster.management_fte === null
        ? notRecorded
        : t("cluster.fteValue", { value: formatDecimal(cluster.management_fte, language, 2) }),
    ],
    ["industrial_ecosystems", tags(cluster.industrial_ecosystems)],
    ["nace_codes", tags(cluster.nace_codes)],
    ["s3_priorities", tags(cluster.s3_priorities)],
    ["esca_label", cluster.esca_label ? t(`cluster.esca.${cluster.esca_label}`) : t("cluster.esca.noLabel")],
    ["esca_valid_until", cluster.esca_valid_until ? formatDate(cluster.esca_valid_until, language) : notRecorded],
    ["support_programme", cluster.support_programme ?? notRecorded],
    ["eccp_profile_url", link(cluster.eccp_profile_url)],
    [
      "partnership_agreement_signed_on",
      cluster.partnership_agreement_signed_on
        ? formatDate(cluster.partnership_agreement_signed_on, language)
        : notRecorded,
    ],
  ];
  return (
    <dl className="profile-fields">
      {rows.map(([key, value]) => (
        <div key={key} className="profile-fields__row" data-field={key}>
          <dt>{t(`cluster.fields.${key}` as "cluster.fields.name")}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function MemberOrganisations({ id }: { id: string }) {
  const { t } = useTranslation("regions");
  const members = useClusterMembers(id);
  if (members.isPending) return <Loading />;
  if (members.isError) return <ProblemAlert error={members.error} onRetry={() => void members.refetch()} />;
  const items = members.data.items;
  if (items.length === 0) return <p className="muted member-organisations">{t("cluster.organisations.empty")}</p>;
  return (
    <details className="member-organisations">
      <summary>
        {members.data.next_cursor
          ? t("cluster.organisations.summaryMore", { count: items.length })
          : t("cluster.organisations.summary", { count: items.length })}
      </summary>
      <ul className="member-list">
        {items.map((member) => (
          <li key={member.id}>
            {member.name}
            {member.city && <span className="muted"> · {member.city}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
