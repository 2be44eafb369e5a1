import { useTranslation } from "react-i18next";

import type { ReadinessCriterion } from "@/features/partnership/api/get-cluster";

/** The ECCP validation criteria: each met ✓ or not ✗, with the API's message saying where the profile stands. */
export function ReadinessChecklist({ criteria }: { criteria: ReadinessCriterion[] }) {
  const { t } = useTranslation("regions");
  return (
    <ul className="checklist">
      {criteria.map((criterion) => (
        <li
          key={criterion.code}
          className={criterion.met ? "checklist__item checklist__item--met" : "checklist__item checklist__item--unmet"}
          data-criterion={criterion.code}
          data-met={criterion.met}
        >
          <span className="checklist__mark" aria-hidden="true">
            {criterion.met ? "✓" : "✗"}
          </span>
          <span>
            <strong className="checklist__name">
              {t(`readiness.criteria.${criterion.code}` as "readiness.criteria.management_fte", {
                defaultValue: criterion.code,
              })}
            </strong>
            <span className="visually-hidden"> – {criterion.met ? t("readiness.met") : t("readiness.unmet")}</span>
            <span className="checklist__message">{criterion.message}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
