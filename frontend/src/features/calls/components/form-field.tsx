import { useId, type ReactNode } from "react";

type ControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

type FormFieldProps = {
  label: string;
  /** The problem with this field (the form's own check or the API's `errors`), shown under it. */
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/** A labelled control with its hint and its problem, tied to it by aria-describedby. */
export function FormField({ label, error, hint, className, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

type CheckFieldProps = {
  label: string;
  checked: boolean;
  name?: string;
  error?: string | undefined;
  onChange: (checked: boolean) => void;
};

/** A labelled checkbox with its problem. */
export function CheckField({ label, checked, name, error, onChange }: CheckFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <div className="field--check">
        <input
          id={id}
          type="checkbox"
          name={name}
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
