import { dataJsonSchemas } from "@concordia/contracts";
import { instrumentPolicy } from "@concordia/core";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../platform/context.js";
import { defineRoute, ensure } from "../../platform/http/route.js";
import * as analysis from "./analysis.service.js";
import * as instruments from "./instruments.service.js";

const UPLOAD_BODY_LIMIT = 4 * 1024 * 1024;

export function rulesRoutes(app: FastifyInstance, deps: Deps) {
  const db = deps.database.db;
  const catalog = deps.catalog;
  const profileSchema = dataJsonSchemas()["system-profile.schema.json"]!;

  defineRoute(app, "listInstruments", async ({ query }) => instruments.listInstruments(db, await catalog(db), query));
  defineRoute(app, "getInstrument", async ({ params, query }) =>
    instruments.getInstrument(db, await catalog(db), params.id, query.version),
  );
  defineRoute(app, "listInstrumentVersions", async ({ params }) =>
    instruments.listVersions(db, await catalog(db), params.id),
  );
  defineRoute(app, "diffInstrumentVersions", async ({ params, query }) =>
    instruments.diffVersions(db, params.id, query.from, query.to),
  );
  defineRoute(app, "exportInstrumentOscal", async ({ params, query, reply }) => {
    reply.header("content-disposition", `attachment; filename="${params.id}.oscal.json"`);
    return instruments.exportOscal(db, params.id, query.version);
  });
  defineRoute(app, "getRequirement", async ({ params }) =>
    analysis.requirementView(await catalog(db), params.id, params.requirementId),
  );
  defineRoute(app, "searchRequirements", async ({ query }) => analysis.searchRequirements(await catalog(db), query));

  defineRoute(
    app,
    "validateInstrument",
    async ({ body, ctx }) => {
      ensure(instrumentPolicy, "validate", ctx);
      return instruments.validationReport(body.format, body.content);
    },
    { bodyLimit: UPLOAD_BODY_LIMIT },
  );
  defineRoute(
    app,
    "publishInstrument",
    async ({ body, ctx }) => {
      ensure(instrumentPolicy, "publish", ctx);
      const published = await instruments.publishInstrument(db, ctx, body.format, body.content);
      const logIndex = await deps.log.awaitIndex(published.logSeq);
      return { id: published.id, version: published.version, publishedAt: published.publishedAt, logIndex };
    },
    { bodyLimit: UPLOAD_BODY_LIMIT },
  );

  defineRoute(app, "evaluateObligations", async ({ body }) => analysis.evaluate(await catalog(db), body), {
    rateLimitPerMinute: 600,
  });
  defineRoute(app, "complyOnce", async ({ body }) => analysis.checklist(await catalog(db), body), {
    rateLimitPerMinute: 600,
  });
  defineRoute(app, "getProfileSchema", async () => profileSchema as Record<string, unknown>);
  defineRoute(app, "listCrosswalks", async () => analysis.listCrosswalks(await catalog(db)));
  defineRoute(app, "crosswalkCoverage", async ({ query }) => analysis.coverage(await catalog(db), query.maxHops));
  defineRoute(app, "crosswalkPairs", async ({ query }) => analysis.pairs(await catalog(db), query));
  defineRoute(app, "gapAnalysis", async ({ query }) => analysis.gap(await catalog(db), query));
}
