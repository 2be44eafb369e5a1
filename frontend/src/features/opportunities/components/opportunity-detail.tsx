import "@/features/opportunities/components/opportunities.css";

import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useOpportunity } from "@/features/opportunities/api/get-opportunity";
import { useRegions } from "@/lib/regions";
import { DeadlineText } from "@/features/opportunities/components/deadline-text";
import { InterestPanel } from "@/features/opportunities/components/interest-panel";
import { InterestedSection } from "@/features/opportunities/components/interested-section";
import { isOpportunityKind, isPriorityCode } from "@/features/opportunities/utils/filters";
import { formatEuros } from "@/lib/intl";

const STATUSES = ["draft", "open", "closed", "archived"] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** One opportunity: what it is, until when, for which regions and priorities, where it comes from, and interest. */
export function OpportunityDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation("opportunities");
  const { t: tApp } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const summaryId = useId();
  const opportunity = useOpportunity(id);
  const regions = useRegions();
  const regionName = (code: string) => regions.data?.find((region) => region.code === code)?.name;

  const pageTitle = `${opportunity.data?.title ?? t("map.title")} · ${tApp("app.name")}`;
  if (opportunity.isPending) {
    return (
      <>
        <title>{pageTitle}</title>
        <Loading />
      </>
    );
  }
  if (opportunity.isError) {
    return (
      <div className="page">
        <title>{pageTitle}</title>
        <ProblemAlert error={opportunity.error} onRetry={() => void opportunity.refetch()} />
        <p>
          <Link to="/map">{t("detail.back")}</Link>
        </p>
      </div>
    );
  }

  const item = opportunity.data;
  return (
    <article className="page opportunity-detail" data-opportunity-id={item.id}>
      <title>{pageTitle}</title>
      <p className="opportunity-detail__back">
        <Link to="/map">{t("detail.back")}</Link>
      </p>
      <header className="page__header">
        <p className="opportunity-detail__kind">{isOpportunityKind(item.kind) ? t(`kinds.${item.kind}`) : item.kind}</p>
        <h1>{item.title}</h1>
        <p className="badges">
          <span className={`badge opp-status--${item.status}`} data-status={item.status}>
            {isStatus(item.status) ? t(`statuses.${item.status}`) : item.status}
          </span>
        </p>
      </header>

      <div className="opportunity-detail__layout">
        <div className="opportunity-detail__main">
          <dl className="facts opportunity-facts">
            <div>
              <dt>{t("detail.kind")}</dt>
              <dd>{isOpportunityKind(item.kind) ? t(`kinds.${item.kind}`) : item.kind}</dd>
            </div>
            <div>
              <dt>{t("detail.status")}</dt>
              <dd>{isStatus(item.status) ? t(`statuses.${item.status}`) : item.status}</dd>
            </div>
            <div>
              <dt>{t("detail.deadline")}</dt>
              <dd data-field="deadline">
                {item.deadline ? <DeadlineText deadline={item.deadline} /> : t("detail.noDeadline")}
              </dd>
            </div>
            <div>
              <dt>{t("detail.budget")}</dt>
              <dd data-field="budget">
                {item.budget_eur != null ? formatEuros(String(item.budget_eur), language) : t("detail.notStated")}
              </dd>
            </div>
            <div>
              <dt>{t("detail.regions")}</dt>
              <dd data-field="regions">
                {item.region_codes.map((code) => (regionName(code) ? `${regionName(code)} (${code})` : code)).join(", ")}
              </dd>
            </div>
            <div>
              <dt>{t("detail.organisation")}</dt>
              <dd data-field="organisation">{item.organisation_id ?? t("detail.notStated")}</dd>
            </div>
          </dl>

          {item.priorities.length > 0 && (
            <>
              <h2 className="opportunity-detail__subtitle">{t("detail.priorities")}</h2>
              <ul className="badges" aria-label={t("detail.priorities")}>
                {item.priorities.map((code) => (
                  <li key={code} className="badge" data-priority-code={code}>
                    {isPriorityCode(code) ? t(`priorities.${code}`) : code}
                  </li>
                ))}
              </ul>
            </>
          )}

          <section aria-labelledby={summaryId}>
            <h2 id={summaryId} className="opportunity-detail__subtitle">
              {t("detail.summary")}
            </h2>
            <p className="opportunity-detail__summary">{item.summary}</p>
          </section>

          <h2 className="opportunity-detail__subtitle">{t("detail.source")}</h2>
          <p data-field="source">
            {item.source ?? t("detail.notStated")}
            {item.link && (
              <>
                {" · "}
                <a href={item.link} target="_blank" rel="noopener noreferrer" className="external-link">
                  {t("detail.link")}
                  <span className="visually-hidden"> {t("detail.newTab")}</span>
                  <span aria-hidden="true"> ↗</span>
                </a>
              </>
            )}
          </p>
        </div>

        <aside className="opportunity-detail__side">
          <InterestPanel id={item.id} interest={item.interest} />
        </aside>
      </div>

      {item.interest_count != null && <InterestedSection id={item.id} count={item.interest_count} />}
    </article>
  );
}
