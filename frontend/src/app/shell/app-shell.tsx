import "@/app/shell/app-shell.css";

import { useTranslation } from "react-i18next";
import { Link, Outlet, useNavigate } from "react-router";

import { MainNav } from "@/app/shell/main-nav";
import { UserMenu } from "@/app/shell/user-menu";
import { LanguageSwitcher } from "@/components/language-switcher";
import type { Me } from "@/features/auth/api/get-me";
import { useUpdateMe } from "@/features/auth/api/update-me";
import { NotificationBell } from "@/features/notifications/components/notification-bell";

/** The frame of every signed-in page: skip link, header (brand, navigation, language, user), main, footer. */
export function AppShell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const updateMe = useUpdateMe();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t("app.name")}</span>
          </Link>
          <MainNav memberships={me.memberships} />
          <div className="app-header__tools">
            {/* the choice follows the user: saved to their profile */}
            <LanguageSwitcher onChange={(locale) => updateMe.mutate({ locale })} />
            <NotificationBell />
            <UserMenu me={me} onSignedOut={() => void navigate("/login", { replace: true })} />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </div>
  );
}
