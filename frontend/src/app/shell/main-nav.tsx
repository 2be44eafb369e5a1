import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

import { navigationFor } from "@/app/navigation";
import type { Membership } from "@/features/auth/api/get-me";

export function MainNav({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation();
  return (
    <nav className="main-nav" aria-label={t("nav.label")}>
      <ul className="main-nav__list">
        {navigationFor(memberships).map((item) => (
          <li key={item.id}>
            <NavLink to={item.to} end className="main-nav__link">
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
