import "@/features/evaluation/components/evaluation.css";

import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useEvaluators, type ActiveFilter, type Evaluator } from "@/features/evaluation/api/get-evaluators";
import { useUpdateEvaluator } from "@/features/evaluation/api/update-evaluator";
import { PRIORITY_CODES } from "@/features/evaluation/utils/profile-form";
import { languageName } from "@/lib/intl";

/** /evaluators (the admin): the pool with expertise, languages, organisation, region, load; activate, set the cap. */
export function EvaluatorPool() {
  const { t } = useTranslation("evaluation");
  const [filter, setFilter] = useState<ActiveFilter>("all");
  const evaluators = useEvaluators(filter);
  const update = useUpdateEvaluator();
  const [announcement, setAnnouncement] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const items = evaluators.data?.pages.flatMap((page) => page.items) ?? [];

  function setActive(evaluator: Evaluator, active: boolean) {
    setAnnouncement("");
    update.mutate(
      { id: evaluator.id, patch: { active } },
      {
        onSuccess: (saved) =>
          setAnnouncement(t(saved.active ? "pool.nowActive" : "pool.nowInactive", { name: saved.name })),
      },
    );
  }

  return (
    <div className="page evaluator-pool">
      <header className="page__header">
        <h1>{t("pool.title")}</h1>
        <p className="lead">{t("pool.intro")}</p>
      </header>
      <div className="filter-row">
        <label htmlFor="pool-filter">{t("pool.show")}</label>
        <select
          id="pool-filter"
          name="active"
          className="select"
          value={filter}
          onChange={(event) => setFilter(event.target.value as ActiveFilter)}
        >
          <option value="all">{t("pool.filterAll")}</option>
          <option value="active">{t("pool.filterActive")}</option>
          <option value="inactive">{t("pool.filterInactive")}</option>
        </select>
      </div>
      <p role="status" aria-live="polite" className="status-line">
        {announcement}
      </p>
      {update.isError && <ProblemAlert error={update.error} title={t("pool.updateFailed")} />}
      {evaluators.isPending ? (
        <Loading />
      ) : evaluators.isError ? (
        <ProblemAlert error={evaluators.error} onRetry={() => void evaluators.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty-state">{t(filter === "all" ? "pool.empty" : "pool.emptyFiltered")}</p>
      ) : (
        <>
          <p aria-live="polite" className="muted" data-testid="pool-count">
            {evaluators.hasNextPage
              ? t("pool.countMore", { count: items.length })
              : t("pool.count", { count: items.length })}
          </p>
          <div className="table-scroll">
            <table className="table pool-table">
              <caption className="visually-hidden">{t("pool.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("pool.name")}</th>
                  <th scope="col">{t("pool.organisation")}</th>
                  <th scope="col">{t("pool.region")}</th>
                  <th scope="col">{t("pool.expertise")}</th>
                  <th scope="col">{t("pool.languages")}</th>
                  <th scope="col">{t("pool.load")}</th>
                  <th scope="col">{t("pool.active")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((evaluator) => (
                  <EvaluatorRow
                    key={evaluator.id}
                    evaluator={evaluator}
                    busy={update.isPending && update.variables?.id === evaluator.id}
                    editing={editing === evaluator.id}
                    onEdit={() => {
                      setAnnouncement("");
                      setEditing(evaluator.id);
                    }}
                    onCloseEdit={(message) => {
                      setEditing(null);
                      if (message) setAnnouncement(message);
                    }}
                    onActive={(active) => setActive(evaluator, active)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {evaluators.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={evaluators.isFetchingNextPage}
              onClick={() => void evaluators.fetchNextPage()}
            >
              {evaluators.isFetchingNextPage ? t("common.loadingMore") : t("common.loadMore")}
            </button>
          )}
        </>
      )}
    </div>
  );
}

type EvaluatorRowProps = {
  evaluator: Evaluator;
  busy: boolean;
  editing: boolean;
  onEdit: () => void;
  onCloseEdit: (message?: string) => void;
  onActive: (active: boolean) => void;
};

function EvaluatorRow({ evaluator, busy, editing, onEdit, onCloseEdit, onActive }: EvaluatorRowProps) {
  const { t, i18n } = useTranslation("evaluation");
  const { t: tShared } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const over = evaluator.max_load !== null && evaluator.load > evaluator.max_load;
  const expertise = evaluator.expertise.map((code) => {
    const known = PRIORITY_CODES.find((candidate) => candidate === code);
    return known ? tShared(`partnership.priorities.names.${known}`) : code;
  });

  return (
    <tr data-evaluator-id={evaluator.id} data-active={String(evaluator.active)}>
      <th scope="row">{evaluator.name}</th>
      <td>{evaluator.organisation?.name ?? <span className="muted">{t("pool.none")}</span>}</td>
      <td>{evaluator.region_code ?? <span className="muted">{t("pool.none")}</span>}</td>
      <td>{expertise.length ? expertise.join(", ") : <span className="muted">{t("pool.none")}</span>}</td>
      <td>
        {evaluator.languages.length ? (
          evaluator.languages.map((code) => languageName(code, language)).join(", ")
        ) : (
          <span className="muted">{t("pool.none")}</span>
        )}
      </td>
      <td data-testid="load" data-over={over ? "true" : undefined}>
        {editing ? (
          <MaxLoadForm evaluator={evaluator} onClose={onCloseEdit} />
        ) : (
          <>
            <span className={over ? "load load--over" : "load"}>
              {evaluator.max_load === null
                ? t("pool.loadUnlimited", { load: evaluator.load })
                : t("pool.loadOf", { load: evaluator.load, max: evaluator.max_load })}
            </span>
            {over && <span className="small"> {t("pool.overLoad")}</span>}{" "}
            <button
              type="button"
              className="link-button small"
              aria-label={t("pool.editMaxLoadNamed", { name: evaluator.name })}
              onClick={onEdit}
            >
              {t("pool.editMaxLoad")}
            </button>
          </>
        )}
      </td>
      <td>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={evaluator.active}
            disabled={busy}
            aria-label={t("pool.activeNamed", { name: evaluator.name })}
            onChange={(event) => onActive(event.target.checked)}
          />
          <span aria-hidden="true">{evaluator.active ? t("pool.yes") : t("pool.no")}</span>
        </label>
      </td>
    </tr>
  );
}

function MaxLoadForm({ evaluator, onClose }: { evaluator: Evaluator; onClose: (message?: string) => void }) {
  const { t } = useTranslation("evaluation");
  const id = useId();
  const update = useUpdateEvaluator();
  const [value, setValue] = useState(evaluator.max_load === null ? "" : String(evaluator.max_load));
  const [invalid, setInvalid] = useState(false);

  function submit() {
    const trimmed = value.trim();
    if (trimmed && !(/^\d+$/.test(trimmed) && Number(trimmed) >= 1 && Number(trimmed) <= 100)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const max_load = trimmed ? Number(trimmed) : null;
    update.mutate(
      { id: evaluator.id, patch: { max_load } },
      {
        onSuccess: (saved) =>
          onClose(
            saved.max_load === null
              ? t("pool.maxLoadCleared", { name: saved.name })
              : t("pool.maxLoadSaved", { name: saved.name, max: saved.max_load }),
          ),
      },
    );
  }

  return (
    <form
      className="max-load-form"
      aria-label={t("pool.maxLoadFormLabel", { name: evaluator.name })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <label htmlFor={`${id}-max`}>{t("pool.maxLoadLabel", { name: evaluator.name })}</label>
      <input
        id={`${id}-max`}
        className="input input--short"
        type="number"
        min={1}
        max={100}
        step={1}
        autoFocus
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setValue(event.target.value)}
      />
      <p id={`${id}-hint`} className={invalid ? "field__error" : "field__hint"}>
        {invalid ? t("profile.maxLoadInvalid") : t("pool.maxLoadHint")}
      </p>
      {update.isError && <ProblemAlert error={update.error} title={t("pool.updateFailed")} />}
      <button type="submit" className="button button--primary" disabled={update.isPending}>
        {t("pool.saveMaxLoad")}
      </button>{" "}
      <button type="button" className="button button--secondary" onClick={() => onClose()}>
        {t("common.cancel")}
      </button>
    </form>
  );
}
