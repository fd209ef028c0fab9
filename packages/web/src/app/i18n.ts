import { isRightToLeft, UN_LANGUAGES, type UnLanguage } from "@concordia/core";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import ar from "../locales/ar/common.json";
import arObligations from "../locales/ar/obligations.json";
import arRegistry from "../locales/ar/registry.json";
import arRegistryEdit from "../locales/ar/registryEdit.json";
import arRules from "../locales/ar/rules.json";
import en from "../locales/en/common.json";
import enObligations from "../locales/en/obligations.json";
import enRegistry from "../locales/en/registry.json";
import enRegistryEdit from "../locales/en/registryEdit.json";
import enRules from "../locales/en/rules.json";
import es from "../locales/es/common.json";
import esObligations from "../locales/es/obligations.json";
import esRegistry from "../locales/es/registry.json";
import esRegistryEdit from "../locales/es/registryEdit.json";
import esRules from "../locales/es/rules.json";
import fr from "../locales/fr/common.json";
import frObligations from "../locales/fr/obligations.json";
import frRegistry from "../locales/fr/registry.json";
import frRegistryEdit from "../locales/fr/registryEdit.json";
import frRules from "../locales/fr/rules.json";
import ru from "../locales/ru/common.json";
import ruObligations from "../locales/ru/obligations.json";
import ruRegistry from "../locales/ru/registry.json";
import ruRegistryEdit from "../locales/ru/registryEdit.json";
import ruRules from "../locales/ru/rules.json";
import zh from "../locales/zh/common.json";
import zhObligations from "../locales/zh/obligations.json";
import zhRegistry from "../locales/zh/registry.json";
import zhRegistryEdit from "../locales/zh/registryEdit.json";
import zhRules from "../locales/zh/rules.json";

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
    ar: { common: ar, rules: arRules, obligations: arObligations, registry: arRegistry, registryEdit: arRegistryEdit },
    zh: { common: zh, rules: zhRules, obligations: zhObligations, registry: zhRegistry, registryEdit: zhRegistryEdit },
    en: { common: en, rules: enRules, obligations: enObligations, registry: enRegistry, registryEdit: enRegistryEdit },
    fr: { common: fr, rules: frRules, obligations: frObligations, registry: frRegistry, registryEdit: frRegistryEdit },
    ru: { common: ru, rules: ruRules, obligations: ruObligations, registry: ruRegistry, registryEdit: ruRegistryEdit },
    es: { common: es, rules: esRules, obligations: esObligations, registry: esRegistry, registryEdit: esRegistryEdit },
  },
  lng: detectLanguage(),
  fallbackLng: "en",
  supportedLngs: [...UN_LANGUAGES],
  defaultNS: "common",
  ns: ["common", "rules", "obligations", "registry", "registryEdit"],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

applyToDocument(currentLanguage());

export { i18n };
