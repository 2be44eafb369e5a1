import { useId } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useOpportunityInterests } from "@/features/opportunities/api/get-opportunity-interests";
import { ApiProblem } from "@/lib/problem";
import { formatDateTime } from "@/lib/intl";

/**
 * Who is interested, for the managers of the opportunity's regions and the admin. The opportunity tells
 * its managers how many are interested; anyone else gets a 403 here, and the section stays hidden.
 */
export function InterestedSection({ id, count }: { id: string; count: number }) {
  const { t, i18n } = useTranslation("opportunities");
  const language = i18n.resolvedLanguage ?? "en";
  const headingId = useId();
  const interests = useOpportunityInterests(id, true);

  if (interests.error instanceof ApiProblem && interests.error.status === 403) return null;

  return (
    <section className="section interested" aria-labelledby={headingId} data-testid="interested">
      <h2 id={headingId}>{t("interested.heading")}</h2>
      <p className="muted">{t("interested.count", { count: interests.data?.length ?? count })}</p>
      {interests.isPending && <Loading />}
      {interests.isError && <ProblemAlert error={interests.error} onRetry={() => void interests.refetch()} />}
      {interests.data && interests.data.length === 0 && <p className="muted">{t("interested.empty")}</p>}
      {interests.data && interests.data.length > 0 && (
        <div className="opp-table-wrap">
          <table className="opp-table">
            <thead>
              <tr>
                <th scope="col">{t("interested.person")}</th>
                <th scope="col">{t("interested.organisation")}</th>
                <th scope="col">{t("interested.region")}</th>
                <th scope="col">{t("interested.message")}</th>
                <th scope="col">{t("interested.date")}</th>
              </tr>
            </thead>
            <tbody>
              {interests.data.map((person, index) => (
                <tr key={`${person.expressed_at}-${index}`}>
                  <th scope="row">{person.person_name ?? t("interested.unknown")}</th>
                  <td>{person.organisation_name ?? person.organisation_id ?? t("interested.unknown")}</td>
                  <td>{person.region_code ?? t("interested.unknown")}</td>
                  <td>{person.message ?? ""}</td>
                  <td>
                    <time dateTime={person.expressed_at}>{formatDateTime(person.expressed_at, language)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
