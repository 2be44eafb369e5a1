import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type ControlProps = {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

type FieldFrameProps = {
  name: string;
  label: string;
  /** Needed before the proposal can be submitted (not to save a draft). */
  requiredToSubmit?: boolean;
  notes?: readonly (string | null | false | undefined)[];
  error?: string;
  /** A group of inputs (checkboxes, radios) is a fieldset named by a legend instead of a label. */
  group?: boolean;
  children: (control: ControlProps) => ReactNode;
};

/** A field: its label (or legend), the control, notes and the problem, tied together for screen readers. */
export function FieldFrame({ name, label, requiredToSubmit, notes = [], error, group, children }: FieldFrameProps) {
  const { t } = useTranslation("proposals");
  const id = useId();
  const shownNotes = notes.filter((note): note is string => Boolean(note));
  const noteIds = shownNotes.map((_, index) => `${id}-note-${index}`);
  const describedBy = [...noteIds, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const control: ControlProps = {
    id,
    name,
    "aria-describedby": describedBy,
    ...(error ? { "aria-invalid": true as const } : {}),
  };
  const title = (
    <>
      {label}
      {requiredToSubmit && <span className="required-mark"> {t("editor.requiredToSubmit")}</span>}
    </>
  );
  const after = (
    <>
      {shownNotes.map((note, index) => (
        <p key={note} id={noteIds[index]} className="field__hint">
          {note}
        </p>
      ))}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </>
  );

  if (group) {
    return (
      <fieldset className="field field--group" data-field={name} aria-describedby={describedBy}>
        <legend>{title}</legend>
        {children(control)}
        {after}
      </fieldset>
    );
  }
  return (
    <div className="field" data-field={name}>
      <label htmlFor={id}>{title}</label>
      {children(control)}
      {after}
    </div>
  );
}
