import "@/app/routes/login.css";

import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";

import { safeNextPath } from "@/app/safe-next";
import { LanguageSwitcher } from "@/components/language-switcher";
import { useMe, type Me } from "@/features/auth/api/get-me";
import { LoginForm } from "@/features/auth/components/login-form";
import { changeLanguage, isUiLanguage } from "@/lib/i18n";

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
  const me = useMe();

  if (me.data) return <Navigate to={next} replace />;

  function handleSignedIn(signedIn: Me) {
    // the user's saved language wins over this browser's
    if (isUiLanguage(signedIn.locale)) void changeLanguage(signedIn.locale);
    void navigate(next, { replace: true });
  }

  return (
    <div className="login-page">
      <title>{`${t("login.pageTitle")} · ${t("app.name")}`}</title>
      <header className="login-page__header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t("app.name")}</span>
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="login-page__main">
        <div className="card login-card">
          <h1 className="login-card__title">{t("login.title")}</h1>
          <p className="muted">{t("login.intro")}</p>
          <LoginForm onSuccess={handleSignedIn} />
        </div>
        <p className="login-page__tagline">{t("app.tagline")}</p>
      </main>
    </div>
  );
}
