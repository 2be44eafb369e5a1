import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import type { CallSummary } from "@/features/proposals/api/get-calls";
import type { ProposalFilterActions } from "@/features/proposals/hooks/use-proposal-filters";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { hasFilters, type ProposalFilters } from "@/features/proposals/utils/list-filters";
import { PRIORITY_CODES } from "@/features/proposals/utils/vocabulary";

type StageOption = { key: string; label: string };

type ProposalFiltersFormProps = {
  filters: ProposalFilters;
  actions: ProposalFilterActions;
  calls: readonly CallSummary[];
  stages: readonly StageOption[];
  regions: readonly string[];
  labels: Labels;
};

/** The list's filters; every change goes to the address at once (the text on Enter or with the button). */
export function ProposalFiltersForm({ filters, actions, calls, stages, regions, labels }: ProposalFiltersFormProps) {
  const { t } = useTranslation("proposals");
  const [text, setText] = useState(filters.q);
  // the address changed the words (Back, a link): show them without remounting, so focus stays put
  const [shownQ, setShownQ] = useState(filters.q);
  if (filters.q !== shownQ) {
    setShownQ(filters.q);
    setText(filters.q);
  }
  const ids = { q: useId(), call: useId(), priority: useId(), heading: useId() };
  // a stage chosen in the address but not offered (another call's) stays listed, so it can be unticked
  const stageOptions = [
    ...stages,
    ...filters.stage.filter((key) => !stages.some((stage) => stage.key === key)).map((key) => ({ key, label: key })),
  ];

  return (
    <section className="proposal-filters panel" aria-labelledby={ids.heading}>
      <div className="proposal-filters__head">
        <h2 id={ids.heading} className="proposal-filters__title">
          {t("list.filters.title")}
        </h2>
        {hasFilters(filters) && (
          <button type="button" className="button button--link" onClick={actions.clear}>
            {t("list.filters.clear")}
          </button>
        )}
      </div>

      <form
        role="search"
        className="proposal-filters__search"
        aria-label={t("list.filters.searchLabel")}
        onSubmit={(event) => {
          event.preventDefault();
          actions.set("q", text);
        }}
      >
        <label htmlFor={ids.q}>{t("list.filters.searchLabel")}</label>
        <div className="proposal-filters__search-row">
          <input
            id={ids.q}
            type="search"
            name="q"
            className="input"
            maxLength={100}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button--secondary">
            {t("list.filters.search")}
          </button>
        </div>
      </form>

      <div className="field">
        <label htmlFor={ids.call}>{t("list.filters.call")}</label>
        <select
          id={ids.call}
          name="call"
          className="select"
          value={filters.call ?? ""}
          onChange={(event) => actions.set("call", event.target.value || null)}
        >
          <option value="">{t("list.filters.allCalls")}</option>
          {calls.map((call) => (
            <option key={call.id} value={call.id}>
              {`${call.code} · ${call.title}`}
            </option>
          ))}
        </select>
      </div>

      {stageOptions.length > 0 && (
        <fieldset className="proposal-filters__group" data-filter="stage">
          <legend>{t("list.filters.stage")}</legend>
          {stageOptions.map((stage) => (
            <label key={stage.key} className="proposal-filters__option">
              <input
                type="checkbox"
                name="stage"
                value={stage.key}
                checked={filters.stage.includes(stage.key)}
                onChange={() => actions.toggle("stage", stage.key)}
              />
              {stage.label}
            </label>
          ))}
        </fieldset>
      )}

      <fieldset className="proposal-filters__group" data-filter="region">
        <legend>{t("list.filters.region")}</legend>
        {[...new Set([...regions, ...filters.region])].map((code) => (
          <label key={code} className="proposal-filters__option">
            <input
              type="checkbox"
              name="region"
              value={code}
              checked={filters.region.includes(code)}
              onChange={() => actions.toggle("region", code)}
            />
            {labels.region(code)}
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={ids.priority}>{t("list.filters.priority")}</label>
        <select
          id={ids.priority}
          name="priority"
          className="select"
          value={filters.priority ?? ""}
          onChange={(event) => actions.set("priority", event.target.value || null)}
        >
          <option value="">{t("list.filters.anyPriority")}</option>
          {PRIORITY_CODES.map((code) => (
            <option key={code} value={code}>
              {labels.priority(code)}
            </option>
          ))}
        </select>
      </div>

      <label className="proposal-filters__option proposal-filters__mine">
        <input
          type="checkbox"
          name="mine"
          checked={filters.mine}
          onChange={(event) => actions.set("mine", event.target.checked)}
        />
        {t("list.filters.mine")}
      </label>
    </section>
  );
}
