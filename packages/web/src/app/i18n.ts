import { isRightToLeft, UN_LANGUAGES, type UnLanguage } from "@concordia/core";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import ar from "../locales/ar/common.json";
import en from "../locales/en/common.json";
import es from "../locales/es/common.json";
import fr from "../locales/fr/common.json";
import ru from "../locales/ru/common.json";
import zh from "../locales/zh/common.json";

/** Each language named in itself, in the UN's order. */
export const LANGUAGE_NAMES: Record<UnLanguage, string> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

const STORAGE_KEY = "concordia.language";

export function isSupportedLanguage(value: unknown): value is UnLanguage {
  return typeof value === "string" && (UN_LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be disabled (privacy settings)
  }
}

/** The saved choice, else the first browser language we offer, else English. */
export function detectLanguage(): UnLanguage {
  const stored = readStoredLanguage();
  if (isSupportedLanguage(stored)) return stored;
  const preferred = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split("-")[0];
    if (isSupportedLanguage(base)) return base;
  }
  return "en";
}

export function directionOf(lang: string): "rtl" | "ltr" {
  return isRightToLeft(lang) ? "rtl" : "ltr";
}

function applyToDocument(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/** Switch language, remember the choice, and mirror the page for right-to-left scripts. */
export async function setLanguage(lang: UnLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the switch still applies to this visit
  }
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): UnLanguage {
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isSupportedLanguage(lang) ? lang : "en";
}

i18n.on("languageChanged", applyToDocument);

void i18n.use(initReactI18next).init({
  resources: {
    ar: { common: ar },
    zh: { common: zh },
    en: { common: en },
    fr: { common: fr },
    ru: { common: ru },
    es: { common: es },
  },
  lng: detectLanguage(),
  fallbackLng: "en",
  supportedLngs: [...UN_LANGUAGES],
  defaultNS: "common",
  ns: ["common"],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

applyToDocument(currentLanguage());

export { i18n };
