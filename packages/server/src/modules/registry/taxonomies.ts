import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RISK_TAXONOMIES, type RiskTaxonomy } from "@concordia/core";
import { z } from "zod";
import type { Call, Deps } from "../../deps.js";

const TaxonomyFile = z.object({
  id: z.enum(RISK_TAXONOMIES),
  title: z.string().min(1),
  version: z.string().min(1),
  source: z.url(),
  categories: z
    .array(
      z.object({
        code: z.string().min(1).max(40),
        label: z.string().min(1),
        description: z.string().min(1),
        parent: z.string().nullable(),
      }),
    )
    .min(1),
});
export type RiskTaxonomyData = z.infer<typeof TaxonomyFile>;

/** The risk taxonomies of data/risk-taxonomies (MIT AI Risk Repository, NIST AI 600-1), validated at start. */
export function loadRiskTaxonomies(referenceDataDir: string): RiskTaxonomyData[] {
  const dir = join(referenceDataDir, "risk-taxonomies");
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return files.sort().map((f) => {
    const parsed = TaxonomyFile.safeParse(JSON.parse(readFileSync(join(dir, f), "utf8")));
    if (!parsed.success) throw new Error(`data/risk-taxonomies/${f} is invalid: ${parsed.error.message}`);
    const t = parsed.data;
    return {
      ...t,
      categories: t.categories.map(({ code, label, description, parent }) => ({ code, label, description, parent })),
    };
  });
}

const loaded = new Map<string, RiskTaxonomyData[]>();

/** The risk taxonomies of the app's reference data, loaded (and validated) once per directory. */
export function riskTaxonomiesOf(deps: Pick<Deps, "config">): RiskTaxonomyData[] {
  const dir = deps.config.referenceDataDir;
  let taxonomies = loaded.get(dir);
  if (!taxonomies) {
    taxonomies = loadRiskTaxonomies(dir);
    loaded.set(dir, taxonomies);
  }
  return taxonomies;
}

/** The risk taxonomies the register classifies risks by (public). */
export async function riskTaxonomies(call: Call) {
  return { taxonomies: riskTaxonomiesOf(call.deps) };
}

export function categoryLabel(
  taxonomies: readonly RiskTaxonomyData[],
  taxonomy: RiskTaxonomy,
  code: string,
): string | null {
  return taxonomies.find((t) => t.id === taxonomy)?.categories.find((c) => c.code === code)?.label ?? null;
}
