import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL(".", import.meta.url));
/** Every namespace English has (common, then one per module); each language must have the same. */
const NAMESPACES = readdirSync(`${dir}/en`)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -".json".length));
const load = (lang: string) =>
  Object.fromEntries(
    NAMESPACES.map((ns) => [
      ns,
      JSON.parse(readFileSync(`${dir}/${lang}/${ns}.json`, "utf8")) as Record<string, unknown>,
    ]),
  ) as Record<string, unknown>;

/** Every key path of a nested translation object, e.g. "nav.home". */
function keys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? "").sort();
}

const english = load("en");
const languages = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe("translations", () => {
  it("cover the six UN languages", () => {
    expect(languages.sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
  });

  it("have the same namespace files in every language", () => {
    expect(NAMESPACES).toContain("common");
    for (const lang of languages) {
      const files = readdirSync(`${dir}/${lang}`).filter((f) => f.endsWith(".json"));
      expect(files.map((f) => f.slice(0, -".json".length)).sort(), lang).toEqual([...NAMESPACES].sort());
    }
  });

  for (const lang of languages.filter((l) => l !== "en")) {
    it(`${lang} has exactly the English keys, each translated with the same placeholders`, () => {
      const other = load(lang);
      expect(keys(other).sort()).toEqual(keys(english).sort());
      const get = (o: Record<string, unknown>, path: string) =>
        path.split(".").reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o) as string;
      for (const path of keys(english)) {
        expect(placeholders(get(other, path)), `${lang}:${path}`).toEqual(placeholders(get(english, path)));
      }
    });
  }
});
