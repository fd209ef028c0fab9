import { isRightToLeft, UN_LANGUAGES, type UnLanguage } from "@concordia/core";
import i18n, { type BackendModule, type ResourceKey } from "i18next";
import { initReactI18next } from "react-i18next";

/**
 * Translations load on demand, one language and one namespace at a time: a page's
 * `useTranslation("registry")` suspends until `locales/<language>/registry.json` has
 * arrived. A new module adds its `locales/<language>/<module>.json` files and nothing here.
 */
const LOCALE_FILES = import.meta.glob<{ default: ResourceKey }>("../locales/*/*.json");

export const lazyLocales: BackendModule = {
  type: "backend",
  init() {},
  read(lng, ns, callback) {
    const load = LOCALE_FILES[`../locales/${lng}/${ns}.json`];
    if (!load) {
      callback(new Error(`No ${ns} translations for ${lng}`), false);
      return;
    }
    load().then(
      (file) => callback(null, file.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

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

/**
 * Resolves once the current language's `common` namespace (the shell's words) has loaded;
 * main.tsx renders after it, so the first paint shows no raw keys. Every language is
 * complete (locales.test.ts), so there is no fallback language to load besides.
 */
export const i18nReady = i18n
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    lng: detectLanguage(),
    fallbackLng: false,
    supportedLngs: [...UN_LANGUAGES],
    load: "currentOnly",
    defaultNS: "common",
    ns: ["common"],
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    react: { useSuspense: true },
  });

applyToDocument(currentLanguage());

export { i18n };
