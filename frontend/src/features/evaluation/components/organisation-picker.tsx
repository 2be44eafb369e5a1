import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { problemMessage } from "@/components/problem-alert";
import { useOrganisationSearch } from "@/features/evaluation/api/search-organisations";
import type { OrganisationChoice } from "@/features/evaluation/utils/profile-form";

type OrganisationPickerProps = {
  value: OrganisationChoice | null;
  onChange: (organisation: OrganisationChoice | null) => void;
  error?: string | undefined;
};

const PAUSE_MS = 300;

/**
 * Finds a registry organisation by name: a search field, then one button per match. The chosen one stays shown with
 * a button to change it. Plain buttons, so it works the same with a keyboard, a pointer or a screen reader.
 */
export function OrganisationPicker({ value, onChange, error }: OrganisationPickerProps) {
  const { t } = useTranslation("evaluation");
  const { t: tShared } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState("");
  const search = useOrganisationSearch(query);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(typed), PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  if (value) {
    return (
      <div className="field organisation-picker" data-testid="organisation-picker">
        <span className="field__label" id={`${id}-label`}>
          {t("profile.organisation")}
        </span>
        <p className="organisation-picker__chosen" aria-labelledby={`${id}-label`}>
          <strong>{value.name}</strong>
          {value.region_code && <span className="muted"> ({value.region_code})</span>}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setTyped("");
            setQuery("");
            onChange(null);
          }}
        >
          {t("profile.changeOrganisation")}
        </button>
        {error && <p className="field__error">{error}</p>}
      </div>
    );
  }

  const short = query.trim().length < 2;
  const results = search.data ?? [];
  let status = "";
  if (!short && search.isSuccess) status = t("profile.organisationsFound", { count: results.length });

  return (
    <div className="field organisation-picker" data-testid="organisation-picker">
      <label htmlFor={`${id}-search`}>{t("profile.organisation")}</label>
      <input
        id={`${id}-search`}
        type="search"
        className="input"
        autoComplete="off"
        value={typed}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        onChange={(event) => setTyped(event.target.value)}
      />
      <p id={`${id}-hint`} className="field__hint">
        {t("profile.organisationHint")}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className="small muted">
        {status}
      </p>
      {search.isError && (
        <p className="field__error">{problemMessage(search.error, tShared("status.networkError"))}</p>
      )}
      {!short && results.length > 0 && (
        <ul className="organisation-picker__results" aria-label={t("profile.organisationResults")}>
          {results.map((organisation) => (
            <li key={organisation.id}>
              <button
                type="button"
                className="organisation-picker__option"
                onClick={() =>
                  onChange({ id: organisation.id, name: organisation.name, region_code: organisation.region_code })
                }
              >
                {organisation.region_code ? `${organisation.name} · ${organisation.region_code}` : organisation.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
