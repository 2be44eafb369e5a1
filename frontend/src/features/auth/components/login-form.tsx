import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { problemMessage } from "@/components/problem-alert";
import type { Me } from "@/features/auth/api/get-me";
import { useLogin } from "@/features/auth/api/login";
import { ApiProblem } from "@/lib/problem";

type LoginFormProps = { onSuccess: (me: Me) => void };

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const loginMutation = useLogin({ onSuccess });

  const error = loginMutation.error;
  const fieldErrors = error instanceof ApiProblem ? error.fieldErrors : {};
  const emailErrorId = `${id}-email-error`;
  const passwordErrorId = `${id}-password-error`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    loginMutation.mutate({ email: email.trim(), password });
  }

  return (
    <form className="form" onSubmit={handleSubmit} aria-describedby={error ? `${id}-problem` : undefined}>
      {/* kept in the DOM so screen readers announce the message when it appears */}
      <div role="alert" id={`${id}-problem`} className={error ? "alert alert--error" : "visually-hidden"}>
        {error && (
          <>
            <p className="alert__title">{t("login.failed")}</p>
            <p className="alert__body">{problemMessage(error, t("status.networkError"))}</p>
          </>
        )}
      </div>

      <div className="field">
        <label htmlFor={`${id}-email`}>{t("login.email")}</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          spellCheck={false}
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? emailErrorId : undefined}
        />
        {fieldErrors.email && (
          <p id={emailErrorId} className="field__error">
            {fieldErrors.email}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor={`${id}-password`}>{t("login.password")}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? passwordErrorId : undefined}
        />
        {fieldErrors.password && (
          <p id={passwordErrorId} className="field__error">
            {fieldErrors.password}
          </p>
        )}
      </div>

      <button type="submit" className="button button--primary button--block" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
