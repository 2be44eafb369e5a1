import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import type { Call } from "@/features/proposals/api/get-call";
import { useTimeline, type TimelineEntry } from "@/features/proposals/api/get-timeline";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { formatDateTime } from "@/lib/intl";

type TimelineTabProps = { proposalId: string; call: Call | undefined; labels: Labels };

/** The proposal's history, oldest first: who, when, from which stage to which, and why. */
export function TimelineTab({ proposalId, call, labels }: TimelineTabProps) {
  const { t } = useTranslation("proposals");
  const timeline = useTimeline(proposalId);
  const stageLabel = (key: string | null) =>
    key ? (call?.pipeline.stages.find((stage) => stage.key === key)?.label ?? key) : "";

  const describe = (entry: TimelineEntry): string => {
    const details = entry.details;
    const word = (value: unknown, fallback = "?") =>
      typeof value === "string" || typeof value === "number" ? String(value) : fallback;
    switch (entry.kind) {
      case "created":
        return t("timeline.created", { stage: stageLabel(entry.to_stage) });
      case "transition":
        return t("timeline.moved", { from: stageLabel(entry.from_stage), to: stageLabel(entry.to_stage) });
      case "version":
        return t("timeline.version", { number: word(details.number) });
      case "partner": {
        const name = typeof details.organisation_name === "string" ? details.organisation_name : "?";
        const action = word(details.action, "");
        return ["invited", "confirmed", "declined", "removed"].includes(action)
          ? t(`timeline.partner.${action as "invited"}`, { name })
          : t("timeline.kinds.partner");
      }
      case "screening":
        return details.eligible ? t("timeline.screeningEligible") : t("timeline.screeningIneligible");
      case "decision":
        return t("timeline.decision", { decision: word(details.decision) });
      default:
        return labels.timelineKind(entry.kind);
    }
  };

  if (timeline.isPending) return <Loading />;
  if (timeline.isError) return <ProblemAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const entries = timeline.data.pages.flatMap((page) => page.items);

  return (
    <section className="timeline-tab" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{t("timeline.title")}</h3>
      {entries.length === 0 ? (
        <p className="panel panel--quiet">{t("timeline.empty")}</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry) => (
            <li key={entry.id} className="timeline__entry" data-kind={entry.kind} data-transition={entry.transition ?? undefined}>
              <p className="timeline__what">{describe(entry)}</p>
              <p className="muted small">
                <time dateTime={entry.at}>{formatDateTime(entry.at, labels.language)}</time>
                {" · "}
                {entry.actor_name ?? t("common.someone")}
              </p>
              {entry.comment && (
                <blockquote className="timeline__comment">
                  <span className="visually-hidden">{t("timeline.comment")}: </span>
                  {entry.comment}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
      {timeline.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {t("list.loadMore")}
        </button>
      )}
    </section>
  );
}
