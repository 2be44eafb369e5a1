import { useTranslation } from "react-i18next";

import { removeAt, replaceAt, type SectionProps } from "@/features/calls/components/call-form-parts";
import { emptyTarget, TARGET_METRICS, type TargetDraft } from "@/features/calls/utils/call-form";
import { unclaimedProblems } from "@/features/calls/utils/problems";
import { useRegions } from "@/lib/regions";

const INPUTS = ["metric", "region_code", "year", "target"];

/** The call's portfolio targets: a metric, for all regions or one, in all years or one, and the number. */
export function TargetsSection({ draft, problems, onChange, onRowsMoved }: SectionProps) {
  const { t } = useTranslation("calls");
  const regions = useRegions();
  const set = (index: number, patch: Partial<TargetDraft>) =>
    onChange((d) => ({ ...d, targets: replaceAt(d.targets, index, patch) }));
  const sectionProblems = Object.entries(problems)
    .filter(([path]) => path === "targets")
    .map(([, message]) => message);

  return (
    <fieldset className="record-form__group" data-section="targets">
      <legend>{t("form.targets")}</legend>
      <p className="field__hint">{t("form.targetsHint")}</p>
      {sectionProblems.length > 0 && (
        <ul className="section-problems">
          {sectionProblems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {draft.targets.length === 0 ? (
        <p className="muted">{t("form.noTargets")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("form.targets")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("form.metric")}</th>
                <th scope="col">{t("form.region")}</th>
                <th scope="col">{t("form.targetYear")}</th>
                <th scope="col">{t("form.targetNumber")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("form.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.targets.map((target, i) => {
                const name = t("form.targetName", { number: i + 1 });
                const at = (input: string) => problems[`targets.${i}.${input}`];
                const rowProblems = unclaimedProblems(
                  problems,
                  `targets.${i}`,
                  INPUTS.map((input) => `targets.${i}.${input}`),
                );
                const messages = [...INPUTS.map(at).filter((m): m is string => Boolean(m)), ...rowProblems];
                const problemId = `target-${target.uid}-problems`;
                const describe = (input: string) => (at(input) || rowProblems.length ? problemId : undefined);
                return (
                  <tr key={target.uid} data-target-row={i} data-invalid={messages.length > 0 || undefined}>
                    <td>
                      <select
                        aria-label={t("form.cellLabel", { column: t("form.metric"), row: name })}
                        aria-invalid={at("metric") ? true : undefined}
                        aria-describedby={describe("metric")}
                        value={target.metric}
                        onChange={(e) =>
                          set(i, { metric: TARGET_METRICS.find((metric) => metric === e.target.value) ?? target.metric })
                        }
                      >
                        {TARGET_METRICS.map((metric) => (
                          <option key={metric} value={metric}>
                            {t(`metric.${metric}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select
                        aria-label={t("form.cellLabel", { column: t("form.region"), row: name })}
                        aria-invalid={at("region_code") ? true : undefined}
                        aria-describedby={describe("region_code")}
                        value={target.region_code}
                        onChange={(e) => set(i, { region_code: e.target.value })}
                      >
                        <option value="">{t("targets.allRegions")}</option>
                        {(regions.data ?? []).map((region) => (
                          <option key={region.code} value={region.code}>
                            {region.name} ({region.code})
                          </option>
                        ))}
                        {target.region_code && !regions.data?.some((region) => region.code === target.region_code) && (
                          <option value={target.region_code}>{target.region_code}</option>
                        )}
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={t("form.cellLabel", { column: t("form.targetYear"), row: name })}
                        aria-invalid={at("year") ? true : undefined}
                        aria-describedby={describe("year")}
                        inputMode="numeric"
                        placeholder={t("targets.allYears")}
                        value={target.year}
                        onChange={(e) => set(i, { year: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={t("form.cellLabel", { column: t("form.targetNumber"), row: name })}
                        aria-invalid={at("target") ? true : undefined}
                        aria-describedby={describe("target")}
                        inputMode="numeric"
                        value={target.target}
                        onChange={(e) => set(i, { target: e.target.value })}
                      />
                      {messages.length > 0 && (
                        <ul id={problemId} className="row-problems">
                          {messages.map((message) => (
                            <li key={message}>{message}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--danger-quiet button--small"
                        aria-label={t("form.removeNamed", { name })}
                        onClick={() => {
                          onChange((d) => ({ ...d, targets: removeAt(d.targets, i) }));
                          onRowsMoved();
                        }}
                      >
                        {t("form.remove")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange((d) => ({ ...d, targets: [...d.targets, emptyTarget()] }))}
        >
          {t("form.addTarget")}
        </button>
      </p>
    </fieldset>
  );
}
