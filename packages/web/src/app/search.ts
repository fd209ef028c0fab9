/**
 * Readers for URL search parameters. The router parses `?page=2` into a number
 * and `?q=abc` into a string; these accept either and drop empty values, so a
 * hand-edited URL never breaks a page.
 */
export function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

export function pageNumber(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n <= 100_000 ? n : undefined;
}

export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === "string" && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A same-site path to return to after signing in; anything else is ignored (open-redirect guard). */
export function localPath(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : undefined;
}

/** A leaf index or other count from 0 up (`?index=0` is valid, unlike a page number). */
export function wholeNumber(value: unknown): number | undefined {
  if (value === "" || value === null || value === undefined) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Search parameters are optional everywhere (a bare URL is always valid), so
 * validators return types with optional keys and links need not spell them out.
 */
export type Search<T> = { [K in keyof T]?: T[K] };
type Raw = Record<string, unknown>;
export const searchOf =
  <T extends Raw>(read: (s: Raw) => T) =>
  (s: Raw): Search<T> =>
    read(s);
