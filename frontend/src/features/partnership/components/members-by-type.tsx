import { useTranslation } from "react-i18next";

import type { ClusterProfile } from "@/features/partnership/api/get-cluster";
import { MEMBER_TYPES } from "@/features/partnership/utils/cluster-members";
import { formatNumber } from "@/lib/intl";

/** The cluster's members by type, as a table with a bar per type and the total. */
export function MembersByType({ cluster }: { cluster: ClusterProfile }) {
  const { t, i18n } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  const total = MEMBER_TYPES.reduce((sum, type) => sum + cluster[type], 0);
  const largest = Math.max(1, ...MEMBER_TYPES.map((type) => cluster[type]));
  return (
    <table className="data-table members-table">
      <caption className="visually-hidden">{t("cluster.members.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("cluster.members.type")}</th>
          <th scope="col" className="numeric">
            {t("cluster.members.count")}
          </th>
          <th scope="col" aria-hidden="true" className="members-table__bar-head" />
        </tr>
      </thead>
      <tbody>
        {MEMBER_TYPES.map((type) => (
          <tr key={type} data-member-type={type}>
            <th scope="row">{t(`cluster.members.${type}`)}</th>
            <td className="numeric">{formatNumber(cluster[type], language)}</td>
            <td aria-hidden="true" className="members-table__bar-cell">
              <span className="members-table__bar" style={{ width: `${(cluster[type] / largest) * 100}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-member-type="total">
          <th scope="row">{t("cluster.members.total")}</th>
          <td className="numeric">{formatNumber(total, language)}</td>
          <td aria-hidden="true" />
        </tr>
      </tfoot>
    </table>
  );
}
