import { useId } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { usePriorities } from "@/features/partnership/api/get-priorities";

/** The five thematic priorities, named in the current language by their stable code. */
export function PrioritiesSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const priorities = usePriorities();

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("partnership.priorities.heading")}</h2>
      <p className="muted">{t("partnership.priorities.intro")}</p>
      {priorities.isPending && <Loading />}
      {priorities.isError && <ProblemAlert error={priorities.error} onRetry={() => void priorities.refetch()} />}
      {priorities.data && (
        <ol className="priority-list">
          {priorities.data.map((priority, index) => (
            <li key={priority.code} className="priority-list__item" data-priority-code={priority.code}>
              <span className="priority-list__number" aria-hidden="true">
                {index + 1}
              </span>
              {/* unknown codes fall back to the API's English name */}
              {t(`partnership.priorities.names.${priority.code}` as "partnership.priorities.names.creativity", {
                defaultValue: priority.name,
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
