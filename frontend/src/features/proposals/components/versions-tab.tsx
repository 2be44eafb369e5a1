import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useComparison, type VersionRef } from "@/features/proposals/api/compare-versions";
import type { Call } from "@/features/proposals/api/get-call";
import type { Proposal } from "@/features/proposals/api/get-proposal";
import { useVersions } from "@/features/proposals/api/get-versions";
import { ComparisonView } from "@/features/proposals/components/comparison-view";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { formatDateTime } from "@/lib/intl";

type VersionsTabProps = { proposal: Proposal; call: Call | undefined; labels: Labels };

/** The frozen versions (one per submission) and the comparison of any two, or of one with the current draft. */
export function VersionsTab({ proposal, call, labels }: VersionsTabProps) {
  const { t } = useTranslation("proposals");
  const versions = useVersions(proposal.id);
  const [from, setFrom] = useState<string>("");
  const [to, setTo] = useState<string>("current");
  const [pair, setPair] = useState<{ from: number; to: VersionRef } | null>(null);
  const [problem, setProblem] = useState("");
  const comparison = useComparison(proposal.id, pair);
  const ids = { from: useId(), to: useId(), problem: useId(), heading: useId() };

  if (versions.isPending) return <Loading />;
  if (versions.isError) return <ProblemAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const list = versions.data;
  if (list.length === 0) {
    return <p className="panel panel--quiet">{t("versions.empty")}</p>;
  }
  const latest = list.at(-1)?.number ?? 1;
  const fromValue = from || String(latest);
  const versionName = (number: number) => t("compare.version", { number });

  const compare = (fromNumber: number, toRef: VersionRef) => {
    if (String(fromNumber) === String(toRef)) {
      setProblem(t("versions.sameVersion"));
      return;
    }
    setProblem("");
    setPair({ from: fromNumber, to: toRef });
  };

  return (
    <div className="versions-tab">
      <section aria-labelledby="versions-heading">
        <h3 id="versions-heading">{t("versions.title")}</h3>
        <ol className="version-list">
          {list.map((version) => (
            <li key={version.number} data-version={version.number}>
              <span className="version-list__name">{versionName(version.number)}</span>{" "}
              <span className="muted small">
                {t("versions.submitted", {
                  date: formatDateTime(version.submitted_at, labels.language),
                  name: version.submitted_by_name ?? t("common.someone"),
                })}
              </span>{" "}
              <button
                type="button"
                className="button button--link"
                onClick={() => {
                  setFrom(String(version.number));
                  setTo("current");
                  compare(version.number, "current");
                }}
              >
                {t("versions.compareWithCurrent", { number: version.number })}
              </button>
            </li>
          ))}
        </ol>
      </section>

      <section className="panel compare-form" aria-labelledby={ids.heading}>
        <h3 id={ids.heading}>{t("versions.compareTitle")}</h3>
        <form
          className="form form__grid form__grid--three"
          aria-labelledby={ids.heading}
          onSubmit={(event) => {
            event.preventDefault();
            compare(Number(fromValue), to === "current" ? "current" : Number(to));
          }}
        >
          <div className="field">
            <label htmlFor={ids.from}>{t("versions.from")}</label>
            <select
              id={ids.from}
              name="from"
              className="select"
              value={fromValue}
              aria-describedby={problem ? ids.problem : undefined}
              onChange={(event) => setFrom(event.target.value)}
            >
              {list.map((version) => (
                <option key={version.number} value={String(version.number)}>
                  {versionName(version.number)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t("versions.to")}</label>
            <select
              id={ids.to}
              name="to"
              className="select"
              value={to}
              aria-describedby={problem ? ids.problem : undefined}
              onChange={(event) => setTo(event.target.value)}
            >
              <option value="current">{t("compare.current")}</option>
              {list.map((version) => (
                <option key={version.number} value={String(version.number)}>
                  {versionName(version.number)}
                </option>
              ))}
            </select>
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t("versions.compare")}
            </button>
          </div>
        </form>
        {problem && (
          <p id={ids.problem} className="field__error" role="alert">
            {problem}
          </p>
        )}
      </section>

      {pair && comparison.isPending && <Loading />}
      {comparison.isError && <ProblemAlert error={comparison.error} onRetry={() => void comparison.refetch()} />}
      {comparison.data && <ComparisonView comparison={comparison.data} call={call} labels={labels} />}
    </div>
  );
}
