import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import type { WebModule } from "../app/module";
import type { RouteParents } from "../app/routeParents";
import { modules } from ".";

// The pages behind the list need no translations (nor a document) to be listed.
vi.mock("../app/i18n", () => ({ isSupportedLanguage: () => true, directionOf: () => "ltr", LANGUAGE_NAMES: {} }));

const dir = fileURLToPath(new URL(".", import.meta.url));
const folders = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
// Routes are only built here, never mounted: a parent is never asked for.
const parents = {} as RouteParents;
const paths = (routes: readonly unknown[]) => routes.map((r) => (r as { options: { path: string } }).options.path);

describe("the module list", () => {
  it("names every module folder once, by its folder's name", () => {
    expect(modules.map((m) => m.name).sort()).toEqual(folders.sort());
  });

  it("gives every admin tab a route of the same path, and no two tabs one path", () => {
    const tabs = modules.flatMap((m) => ("adminTabs" in m ? m.adminTabs.map((t) => t.path) : []));
    const routes = modules.flatMap((m) => ("adminRoutes" in m ? paths(m.adminRoutes(parents)) : []));
    expect(new Set(tabs).size).toBe(tabs.length);
    for (const tab of tabs) expect(routes, tab).toContain(tab);
  });

  it("orders navigation, tabs and home cards without ties", () => {
    const orders = (list: readonly { order: number }[]) => new Set(list.map((x) => x.order)).size === list.length;
    const list = modules as readonly WebModule[];
    expect(orders(list.flatMap((m) => m.nav ?? []))).toBe(true);
    expect(orders(list.flatMap((m) => m.adminTabs ?? []))).toBe(true);
    expect(orders(list.flatMap((m) => m.homeCards ?? []))).toBe(true);
  });
});
