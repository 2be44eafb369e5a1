import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { OrganisationHit } from "@/features/registry/api/search-organisations";
import { VisibilityBadge } from "@/features/registry/components/visibility-badge";
import type { Labels } from "@/features/registry/hooks/use-labels";

type OrganisationResultsProps = { items: readonly OrganisationHit[]; labels: Labels };

/** The organisations found: name (a link to the profile), kind, place, priorities, who may see it. */
export function OrganisationResults({ items, labels }: OrganisationResultsProps) {
  const { t } = useTranslation("registry");
  return (
    <ul className="organisation-list" aria-label={t("search.results")}>
      {items.map((organisation) => {
        const place = [
          organisation.city,
          organisation.region_code ? labels.region(organisation.region_code) : null,
          labels.country(organisation.country_code),
        ].filter(Boolean);
        return (
          <li key={organisation.id} className="organisation-card" data-organisation-id={organisation.id}>
            <div className="organisation-card__head">
              <Link to={`/organisations/${organisation.id}`} className="organisation-card__name">
                {organisation.name}
              </Link>
              <VisibilityBadge visibility={organisation.visibility} />
            </div>
            <p className="organisation-card__meta">
              <span className="organisation-card__kind">{labels.kind(organisation.kind)}</span>
              <span aria-hidden="true"> · </span>
              <span className="organisation-card__place">{place.join(", ")}</span>
            </p>
            {organisation.priorities.length > 0 && (
              <ul className="badges organisation-card__priorities" aria-label={t("search.priorities")}>
                {organisation.priorities.map((code) => (
                  <li key={code} className="badge" data-priority-code={code}>
                    {labels.priority(code)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
