import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ProblemAlert } from "@/components/problem-alert";
import { useCreateSavedSearch } from "@/features/opportunities/api/create-saved-search";
import type { OpportunityFilters } from "@/features/opportunities/utils/filters";

/** "Save this search": asks for a name, then saves the current filters. */
export function SaveSearchForm({ filters }: { filters: OpportunityFilters }) {
  const { t } = useTranslation("opportunities");
  const nameId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [savedName, setSavedName] = useState<string | null>(null);
  const create = useCreateSavedSearch();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name, filters },
      {
        onSuccess: () => {
          setSavedName(name.trim());
          setName("");
          setOpen(false);
        },
      },
    );
  }

  if (!open) {
    return (
      <div className="save-search">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setOpen(true);
            setSavedName(null);
            create.reset();
          }}
        >
          {t("save.open")}
        </button>
        {savedName && (
          <p role="status" className="save-search__done">
            {t("save.saved", { name: savedName })} <Link to="/saved-searches">{t("save.seeAll")}</Link>
          </p>
        )}
      </div>
    );
  }

  return (
    <form className="save-search save-search--open" onSubmit={submit} aria-label={t("save.open")}>
      <div className="field">
        <label htmlFor={nameId}>{t("save.name")}</label>
        <input
          id={nameId}
          name="name"
          value={name}
          maxLength={120}
          required
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      {create.isError && <ProblemAlert error={create.error} title={t("save.failed")} />}
      <div className="save-search__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t("save.saving") : t("save.submit")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t("save.cancel")}
        </button>
      </div>
    </form>
  );
}
