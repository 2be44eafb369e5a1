import { useId } from "react";
import { useTranslation } from "react-i18next";

import { changeLanguage, currentLanguage, isUiLanguage, UI_LANGUAGES, type UiLanguage } from "@/lib/i18n";

type LanguageSwitcherProps = {
  /** Runs after the interface switched, e.g. to save the choice to the user's profile. */
  onChange?: (language: UiLanguage) => void;
};

/** A native select named "Language" / "Lingua"; option values are the language codes. */
export function LanguageSwitcher({ onChange }: LanguageSwitcherProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value = isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLanguage();

  return (
    <div className="language-switcher">
      <label htmlFor={id} className="language-switcher__label">
        {t("language.label")}
      </label>
      <select
        id={id}
        name="language"
        className="select"
        value={value}
        onChange={(event) => {
          const language = event.target.value;
          if (!isUiLanguage(language) || language === value) return;
          void changeLanguage(language).then(() => onChange?.(language));
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </div>
  );
}
