import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.js";
import { routesFor } from "../../platform/http/route.js";
import * as log from "./log.service.js";
import { tileRoutes } from "./tiles.routes.js";
import * as witnesses from "./witnesses.service.js";

export function logRoutes(app: FastifyInstance, deps: Deps) {
  const route = routesFor(app, deps);
  tileRoutes(app, deps);

  route("logInfo", ({ call }) => log.logInfo(call));
  route("listLogEntries", ({ query, call }) => log.listEntries(call, query));
  route("getLogEntry", ({ params, call }) => log.getEntry(call, params));
  route("getReceipt", ({ params, call }) => log.receipt(call, params));
  route("inclusionProof", ({ query, call }) => log.inclusionProof(call, query));
  route("consistencyProof", ({ query, call }) => log.consistencyProof(call, query));
  route("listCheckpoints", ({ query, call }) => log.listCheckpoints(call, query));
  route("notarize", ({ body, call }) => log.notarize(call, body));

  route("listWitnesses", ({ call }) => witnesses.listWitnesses(call));
  route("registerWitness", ({ body, call }) => witnesses.registerWitness(call, body));
  route("removeWitness", async ({ params, call }) => {
    await witnesses.removeWitness(call, params);
    return null;
  });
  route("submitCosignature", ({ body, call }) => witnesses.submitCosignature(call, body), {
    rateLimitPerMinute: 600,
  });
}
