import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import {
  ORGANISATION_PAGE_SIZE,
  useOrganisationSearch,
  type OrganisationChoice,
} from "@/features/proposals/api/search-organisations";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { formatNumber } from "@/lib/intl";

type OrganisationPickerProps = {
  /** The group's name ("Lead organisation", "Organisation to invite"). */
  legend: string;
  /** The radio buttons' name, unique on the page. */
  name: string;
  /** Regions to search in; `null` offers every region. A single region is not offered as a choice. */
  regions: readonly string[] | null;
  /** The partnership's regions, offered when `regions` is null. */
  allRegions: readonly string[];
  selected: OrganisationChoice | null;
  onSelect: (organisation: OrganisationChoice) => void;
  /** Organisations that cannot be chosen (the lead, partners already listed), shown as such. */
  excluded?: ReadonlyMap<string, string>;
  labels: Labels;
  describedBy?: string;
  invalid?: boolean;
};

const PAUSE_MS = 300;

/**
 * Searches the registry copy by name (and region) as one types, and lists the organisations found as radio
 * buttons: arrow keys move between them, the selection is announced, no pointer needed.
 */
export function OrganisationPicker(props: OrganisationPickerProps) {
  const { legend, name, regions, allRegions, selected, onSelect, excluded, labels, describedBy, invalid } = props;
  const { t } = useTranslation("proposals");
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  // a manager searches one of their regions at a time; the admin and partner searches start with every region
  const [region, setRegion] = useState<string>(regions?.[0] ?? "");
  const ids = { q: useId(), region: useId(), status: useId() };
  const search = useOrganisationSearch({ q, region: region || null });

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text), PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const found = search.data ?? [];
  const formatted = formatNumber(found.length, labels.language);
  let status = t("picker.found", { count: found.length, formatted });
  if (search.isPending) status = t("picker.searching");
  else if (found.length >= ORGANISATION_PAGE_SIZE) status = t("picker.firstOnly", { formatted });

  return (
    <fieldset
      className="organisation-picker"
      data-picker={name}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    >
      <legend>{legend}</legend>
      <div className="organisation-picker__controls">
        <div className="field">
          <label htmlFor={ids.q}>{t("picker.search")}</label>
          <input
            id={ids.q}
            type="search"
            className="input"
            maxLength={100}
            value={text}
            aria-describedby={ids.status}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Enter searches at once instead of submitting the form around the picker
              if (event.key === "Enter") {
                event.preventDefault();
                setQ(text);
              }
            }}
          />
        </div>
        {(regions === null || regions.length > 1) && (
          <div className="field">
            <label htmlFor={ids.region}>{t("picker.region")}</label>
            <select
              id={ids.region}
              className="select"
              value={region}
              onChange={(event) => setRegion(event.target.value)}
            >
              {regions === null && <option value="">{t("picker.anyRegion")}</option>}
              {(regions ?? allRegions).map((code) => (
                <option key={code} value={code}>
                  {labels.region(code)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <p id={ids.status} className="muted small" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
      {search.isError && <ProblemAlert error={search.error} onRetry={() => void search.refetch()} />}
      {found.length > 0 && (
        <ul className="organisation-picker__results" aria-busy={search.isPlaceholderData}>
          {found.map((organisation) => {
            const reason = excluded?.get(organisation.id);
            return (
              <li key={organisation.id} data-organisation-id={organisation.id}>
                <label className="organisation-picker__option">
                  <input
                    type="radio"
                    name={name}
                    value={organisation.id}
                    disabled={Boolean(reason)}
                    checked={selected?.id === organisation.id}
                    onChange={() => onSelect(organisation)}
                  />
                  <span>
                    <span className="organisation-picker__name">{organisation.name}</span>{" "}
                    <span className="muted small">
                      {labels.region(organisation.region_code)}
                      {reason ? ` · ${reason}` : ""}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
