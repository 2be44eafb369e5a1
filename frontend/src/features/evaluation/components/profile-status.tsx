import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ProblemAlert } from "@/components/problem-alert";
import { useMyEvaluatorProfile } from "@/features/evaluation/api/get-my-evaluator-profile";

/** The prompt to complete the profile (before registering, the API answers 404), or the profile's short summary. */
export function ProfileStatus() {
  const { t } = useTranslation("evaluation");
  const profile = useMyEvaluatorProfile();

  if (profile.isPending) return null;
  if (profile.isError) return <ProblemAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  if (!profile.data) {
    return (
      <section className="panel profile-prompt" aria-labelledby="profile-prompt-title" data-testid="profile-prompt">
        <h2 id="profile-prompt-title">{t("profilePrompt.title")}</h2>
        <p>{t("profilePrompt.body")}</p>
        <Link className="button button--primary" to="/evaluation/profile">
          {t("profilePrompt.action")}
        </Link>
      </section>
    );
  }
  const evaluator = profile.data;
  return (
    <p className="profile-summary" data-testid="profile-summary">
      {evaluator.active ? null : <span className="badge badge--accent">{t("profileSummary.inactive")}</span>}{" "}
      {evaluator.max_load === null
        ? t("profileSummary.loadUnlimited", { load: evaluator.load })
        : t("profileSummary.load", { load: evaluator.load, max: evaluator.max_load })}{" "}
      <Link to="/evaluation/profile">{t("profileSummary.edit")}</Link>
    </p>
  );
}
