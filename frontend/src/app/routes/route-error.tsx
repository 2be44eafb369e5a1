import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

import { ProblemAlert } from "@/components/problem-alert";

/** Shown when rendering a route throws: a calm message instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <div className="centered">
      <ProblemAlert error={error} onRetry={() => window.location.reload()} />
      <p>
        <a href="/">{t("notFound.home")}</a>
      </p>
    </div>
  );
}
