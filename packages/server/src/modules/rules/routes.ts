import { dataJsonSchemas } from "@concordia/contracts";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.js";
import { routesFor } from "../../platform/http/route.js";
import * as analysis from "./analysis.service.js";
import * as instruments from "./instruments.service.js";
import * as reviews from "./reviews.service.js";

const UPLOAD_BODY_LIMIT = 4 * 1024 * 1024;

export function rulesRoutes(app: FastifyInstance, deps: Deps) {
  const route = routesFor(app, deps);
  const profileSchema = dataJsonSchemas()["system-profile.schema.json"]!;

  route("listInstruments", ({ query, call }) => instruments.listInstruments(call, query));
  route("getInstrument", ({ params, query, call }) => instruments.getInstrument(call, { ...params, ...query }));
  route("listInstrumentVersions", ({ params, call }) => instruments.listVersions(call, params));
  route("diffInstrumentVersions", ({ params, query, call }) => instruments.diffVersions(call, { ...params, ...query }));
  route("exportInstrumentOscal", async ({ params, query, call, reply }) => {
    reply.header("content-disposition", `attachment; filename="${params.id}.oscal.json"`);
    return instruments.exportOscal(call, { ...params, ...query });
  });
  route("getRequirement", ({ params, call }) => analysis.requirementView(call, params));
  route("searchRequirements", ({ query, call }) => analysis.searchRequirements(call, query));

  route("overdueReviews", ({ query, call }) => reviews.overdueReviews(call, query));
  route("validateInstrument", ({ body, call }) => instruments.validationReport(call, body), {
    bodyLimit: UPLOAD_BODY_LIMIT,
  });
  route("publishInstrument", ({ body, call }) => instruments.publishInstrument(call, body), {
    bodyLimit: UPLOAD_BODY_LIMIT,
  });

  route("evaluateObligations", ({ body, call }) => analysis.evaluate(call, body), { rateLimitPerMinute: 600 });
  route("complyOnce", ({ body, call }) => analysis.checklist(call, body), { rateLimitPerMinute: 600 });
  route("getProfileSchema", async () => profileSchema as Record<string, unknown>);
  route("listCrosswalks", ({ call }) => analysis.listCrosswalks(call));
  route("crosswalkCoverage", ({ query, call }) => analysis.coverage(call, query));
  route("crosswalkPairs", ({ query, call }) => analysis.pairs(call, query));
  route("gapAnalysis", ({ query, call }) => analysis.gap(call, query));
}
