import "@/features/registry/components/registry.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useDismissDuplicate } from "@/features/registry/api/dismiss-duplicate";
import { useOpenDuplicates, type Duplicate, type DuplicateSide } from "@/features/registry/api/get-duplicates";
import { useMergeDuplicate, type KeepSide } from "@/features/registry/api/merge-duplicate";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useLabels, type Labels } from "@/features/registry/hooks/use-labels";
import { formatNumber } from "@/lib/intl";

type PendingMerge = { pair: Duplicate; keep: KeepSide };
type Outcome = { kind: "merged"; kept: DuplicateSide; other: DuplicateSide } | { kind: "dismissed"; pair: Duplicate };

const REASONS = ["same_vat_number", "similar_name_same_city"] as const;

/** Open duplicate pairs side by side: keep one (the other is merged into it) or say they are different. */
export function DuplicateReview() {
  const { t } = useTranslation("registry");
  const labels = useLabels();
  const duplicates = useOpenDuplicates();
  const merge = useMergeDuplicate();
  const dismiss = useDismissDuplicate();
  const [pending, setPending] = useState<PendingMerge | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const pairs = duplicates.data?.items ?? [];
  const kept = pending ? pending.pair[pending.keep] : null;
  const other = pending ? pending.pair[pending.keep === "first" ? "second" : "first"] : null;

  function confirmMerge() {
    if (!pending || !kept || !other) return;
    merge.mutate(
      { id: pending.pair.id, keep: pending.keep },
      {
        onSuccess: () => {
          setOutcome({ kind: "merged", kept, other });
          setPending(null);
        },
      },
    );
  }

  return (
    <div className="page registry-page">
      <div className="page__header">
        <h1>{t("duplicates.title")}</h1>
        <p className="lead">{t("duplicates.intro")}</p>
      </div>

      <p role="status" className="duplicates-status">
        {outcome?.kind === "merged" && (
          <>
            {t("duplicates.merged", { other: outcome.other.name, kept: outcome.kept.name })}{" "}
            <Link to={`/organisations/${outcome.kept.id}`}>
              {t("duplicates.openKept", { name: outcome.kept.name })}
            </Link>
          </>
        )}
        {outcome?.kind === "dismissed" &&
          t("duplicates.dismissed", { first: outcome.pair.first.name, second: outcome.pair.second.name })}
        {!outcome && duplicates.data && t("duplicates.count", { count: pairs.length })}
      </p>

      {duplicates.isPending && <Loading />}
      {duplicates.isError && <ProblemAlert error={duplicates.error} onRetry={() => void duplicates.refetch()} />}
      {dismiss.isError && <ProblemAlert error={dismiss.error} title={t("duplicates.dismissFailed")} />}
      {duplicates.data && pairs.length === 0 && (
        <div className="panel panel--quiet registry-empty">
          <p>{t("duplicates.empty")}</p>
        </div>
      )}
      {pairs.length > 0 && (
        <ul className="duplicate-list" aria-label={t("duplicates.listLabel")}>
          {pairs.map((pair) => (
            <li key={pair.id} className="duplicate-pair panel" data-duplicate-id={pair.id}>
              <p className="duplicate-pair__reason">
                <strong>
                  {REASONS.includes(pair.reason) ? t(`duplicates.reasons.${pair.reason}`) : pair.reason}
                </strong>
                <span aria-hidden="true"> · </span>
                {t("duplicates.similarity", {
                  percent: formatNumber(Math.round(pair.similarity * 100), labels.language),
                })}
              </p>
              <div className="duplicate-pair__sides">
                {(["first", "second"] as const).map((side) => (
                  <SideCard
                    key={side}
                    side={pair[side]}
                    position={side}
                    labels={labels}
                    busy={merge.isPending || dismiss.isPending}
                    onKeep={() => {
                      merge.reset();
                      setOutcome(null);
                      setPending({ pair, keep: side });
                    }}
                  />
                ))}
              </div>
              <div className="duplicate-pair__actions">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={merge.isPending || dismiss.isPending}
                  onClick={() => {
                    setOutcome(null);
                    dismiss.mutate(pair.id, { onSuccess: () => setOutcome({ kind: "dismissed", pair }) });
                  }}
                >
                  {t("duplicates.dismiss")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      {pending && kept && other && (
        <ConfirmDialog
          title={t("duplicates.confirm.title", { name: kept.name })}
          confirmLabel={merge.isPending ? t("duplicates.confirm.merging") : t("duplicates.confirm.merge")}
          cancelLabel={t("duplicates.confirm.cancel")}
          tone="danger"
          busy={merge.isPending}
          onConfirm={confirmMerge}
          onCancel={() => setPending(null)}
        >
          <p>{t("duplicates.confirm.body", { kept: kept.name, other: other.name })}</p>
          <p>{t("duplicates.confirm.moves", { other: other.name })}</p>
          <p className="muted">{t("duplicates.confirm.final")}</p>
          {merge.isError && <ProblemAlert error={merge.error} title={t("duplicates.mergeFailed")} />}
        </ConfirmDialog>
      )}
    </div>
  );
}

type SideCardProps = {
  side: DuplicateSide;
  position: KeepSide;
  labels: Labels;
  busy: boolean;
  onKeep: () => void;
};

function SideCard({ side, position, labels, busy, onKeep }: SideCardProps) {
  const { t } = useTranslation("registry");
  const notStated = <span className="muted">{t("profile.notStated")}</span>;
  return (
    <div className="duplicate-side" data-side={position} data-organisation-id={side.id}>
      <h2 className="duplicate-side__name">
        <Link to={`/organisations/${side.id}`}>{side.name}</Link>
      </h2>
      <dl className="duplicate-side__facts">
        <div>
          <dt>{t("fields.city")}</dt>
          <dd>{side.city ?? notStated}</dd>
        </div>
        <div>
          <dt>{t("fields.vatNumber")}</dt>
          <dd>{side.vat_number ?? notStated}</dd>
        </div>
        <div>
          <dt>{t("fields.region")}</dt>
          <dd>{side.region_code ? labels.region(side.region_code) : notStated}</dd>
        </div>
      </dl>
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        aria-label={t("duplicates.keepLabel", { name: side.name })}
        onClick={onKeep}
      >
        {t("duplicates.keep")}
      </button>
    </div>
  );
}
