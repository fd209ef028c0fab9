import { PURPOSES, type Purpose } from "@concordia/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useListFormat } from "../rules/format";

const isPurpose = (s: string): s is Purpose => (PURPOSES as readonly string[]).includes(s);

/** A sector (a purpose of the system profile) in the current language; unknown ids as they are. */
export function useSectorName(): (sector: string) => string {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return useCallback((s: string) => (isPurpose(s) ? t(`values.purposes.${s}`) : s), [t]);
}

/** "a, b and c" of named values, or a dash when there are none. */
export function useNamedList(): (items: readonly string[], name: (item: string) => string) => string {
  const list = useListFormat();
  return useCallback((items, name) => (items.length ? list(items.map(name)) : "—"), [list]);
}
