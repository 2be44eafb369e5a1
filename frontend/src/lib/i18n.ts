import i18n from "i18next";
import { initReactI18next } from "react-i18next";

import en from "@/locales/en.json";
import enCalls from "@/locales/en/calls.json";
import enEvaluation from "@/locales/en/evaluation.json";
import enOpportunities from "@/locales/en/opportunities.json";
import enProposals from "@/locales/en/proposals.json";
import enRegions from "@/locales/en/regions.json";
import enRegistry from "@/locales/en/registry.json";
import it from "@/locales/it.json";
import itCalls from "@/locales/it/calls.json";
import itEvaluation from "@/locales/it/evaluation.json";
import itOpportunities from "@/locales/it/opportunities.json";
import itProposals from "@/locales/it/proposals.json";
import itRegions from "@/locales/it/regions.json";
import itRegistry from "@/locales/it/registry.json";

/** Every language the API accepts as a user's locale (the partnership's languages). */
export const API_LOCALES = ["en", "it", "ro", "es", "pt", "cs", "sv", "fr"] as const;
export type ApiLocale = (typeof API_LOCALES)[number];

/**
 * Languages the interface is translated into: add `src/locales/<code>.json` and a line here
 * (and in `resources` below) for ro, es, pt, cs, sv or fr.
 */
export const UI_LANGUAGES = [
  { code: "en", label: "English" },
  { code: "it", label: "Italiano" },
] as const satisfies readonly { code: ApiLocale; label: string }[];
export type UiLanguage = (typeof UI_LANGUAGES)[number]["code"];

/**
 * One namespace per large feature (`useTranslation("opportunities")`), so features keep their texts in
 * their own files: src/locales/<language>/<namespace>.json. The shell and small features use `translation`.
 */
const resources = {
  en: { translation: en, opportunities: enOpportunities, registry: enRegistry, regions: enRegions, evaluation: enEvaluation, proposals: enProposals, calls: enCalls },
  it: { translation: it, opportunities: itOpportunities, registry: itRegistry, regions: itRegions, evaluation: itEvaluation, proposals: itProposals, calls: itCalls },
} as const;

export const DEFAULT_LANGUAGE: UiLanguage = "en";
export const LANGUAGE_STORAGE_KEY = "tex4im.language";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: typeof en;
      opportunities: typeof enOpportunities;
      registry: typeof enRegistry;
      regions: typeof enRegions;
      proposals: typeof enProposals;
      evaluation: typeof enEvaluation;
      calls: typeof enCalls;
    };
  }
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return UI_LANGUAGES.some((language) => language.code === value);
}

function storedLanguage(): UiLanguage | null {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null; // storage can be disabled
  }
}

/** The saved choice, else the browser's first language we have, else English. */
export function initialLanguage(): UiLanguage {
  const browser = (navigator.languages ?? [navigator.language])
    .map((tag) => tag.slice(0, 2).toLowerCase())
    .find(isUiLanguage);
  return storedLanguage() ?? browser ?? DEFAULT_LANGUAGE;
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not persisted; the choice still holds for this page
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: UI_LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});
document.documentElement.lang = i18n.language;
i18n.on("languageChanged", applyLanguage);

/** Switches the interface language (persisted, and set on <html lang>). */
export async function changeLanguage(language: UiLanguage): Promise<void> {
  await i18n.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

export { i18n };
