import { SystemDocumentSchema } from "@concordia/contracts";
import {
  annexViiiSectionA,
  bomToDocument,
  CycloneDxMappingError,
  DEFAULT_VISIBILITY,
  DomainError,
  type FieldError,
  type SystemDocument,
  systemToBom,
  tooLarge,
  ukAtrs,
  viewerLevel,
} from "@concordia/core";
import type { Call } from "../../deps.js";
import { organizationProfile } from "../members/queries.js";
import { ensureOn, projectFor, visibleSystem } from "./access.js";
import { countValues, MAX_BOM_VALUES, validateCycloneDx } from "./cyclonedx-validator.js";
import { registerSystem, saveVersion, systemView } from "./systems.service.js";

/** At most this many schema errors are sent back (with the total), so a bad upload gets a small answer. */
const MAX_REPORTED_ERRORS = 100;

const invalid = (detail: string, errors: FieldError[]) => new DomainError("invalid", "Invalid ML-BOM", detail, errors);

/**
 * Creates or updates a system from a CycloneDX ML-BOM: the BOM must pass the official 1.6 schema
 * (every error with its path), and the mapped document must be a complete, valid system document;
 * otherwise nothing is saved.
 */
export async function importCycloneDx(
  call: Call,
  input: {
    organizationId: string;
    systemId?: string;
    bom: Record<string, unknown>;
    visibility?: SystemDocument["visibility"];
  },
) {
  const { ctx } = call;
  const db = call.deps.database.db;
  ensureOn(input.systemId ? "update" : "create", ctx, input.organizationId);
  if (countValues(input.bom) > MAX_BOM_VALUES) {
    throw tooLarge(
      `the BOM holds more than ${MAX_BOM_VALUES.toLocaleString("en")} values (keys, objects and scalars); split it or remove what the register does not need`,
      "body.bom",
    );
  }
  const schemaErrors = await validateCycloneDx(input.bom);
  if (schemaErrors.length) {
    const listed = schemaErrors.slice(0, MAX_REPORTED_ERRORS);
    throw invalid(
      schemaErrors.length > listed.length
        ? `${schemaErrors.length} errors against the CycloneDX 1.6 schema; the first ${listed.length} are listed`
        : `${schemaErrors.length} error(s) against the CycloneDX 1.6 schema`,
      listed,
    );
  }
  let mapped: ReturnType<typeof bomToDocument>;
  try {
    mapped = bomToDocument(input.bom);
  } catch (err) {
    if (err instanceof CycloneDxMappingError) throw invalid(err.message, [{ field: err.field, message: err.message }]);
    throw err;
  }
  let base: Partial<SystemDocument> = { deploymentCountries: [], visibility: { ...DEFAULT_VISIBILITY } };
  if (input.systemId) {
    const row = await visibleSystem(db, ctx, input.systemId, { write: true });
    if (row.organizationId !== input.organizationId) {
      throw invalid("the system belongs to another organization", [
        { field: "body.systemId", message: "belongs to another organization" },
      ]);
    }
    base = row.document;
  }
  const draft = {
    ...base,
    ...Object.fromEntries(mapped.found.map((k) => [k, mapped.document[k]])),
    ...(input.visibility ? { visibility: input.visibility } : {}),
  };
  if (!draft.profile) draft.profile = mapped.document.profile ?? { profileVersion: "1" };
  if (!draft.kind) draft.kind = mapped.document.kind ?? "system";
  const parsed = SystemDocumentSchema.safeParse(draft);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: "body.bom",
      message: `the register needs document.${i.path.map(String).join(".")}: ${i.message}`,
    }));
    throw invalid("The ML-BOM is valid CycloneDX but lacks what the register needs", errors);
  }
  const document = parsed.data as SystemDocument;
  let id = input.systemId;
  if (id) await saveVersion(call, { id, document, changeNote: "Updated from a CycloneDX ML-BOM" });
  else id = await registerSystem(call, { organizationId: input.organizationId, document });
  return systemView(call, { id });
}

async function exportInput(call: Call, id: string) {
  const { ctx } = call;
  const db = call.deps.database.db;
  const row = await visibleSystem(db, ctx, id);
  const org = await organizationProfile(db, row.organizationId);
  const { document, hidden } = projectFor(ctx.actor, row);
  return {
    row,
    input: {
      systemId: row.id,
      version: row.version,
      provider: { name: org?.name ?? "", ...(org?.website ? { url: org.website } : {}) },
      document,
      hidden,
      classification: { categories: row.categories, jurisdictions: row.jurisdictions },
    },
  };
}

export async function exportCycloneDx(call: Call, { id }: { id: string }) {
  const { row, input } = await exportInput(call, id);
  const level = viewerLevel(call.ctx.actor, row.organizationId);
  return systemToBom({
    ...input,
    serialSeed: `${row.id}:${row.version}:${level}`,
    timestamp: row.updatedAt.toISOString(),
  }) as unknown as Record<string, unknown>;
}

export async function exportFieldSet(
  call: Call,
  { id, standard }: { id: string; standard: "eu-annex-viii" | "uk-atrs" },
) {
  const { input } = await exportInput(call, id);
  return (standard === "eu-annex-viii" ? annexViiiSectionA(input) : ukAtrs(input)) as unknown as Record<
    string,
    unknown
  >;
}
