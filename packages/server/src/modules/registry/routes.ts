import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.js";
import { routesFor } from "../../platform/http/route.js";
import * as assessments from "./assessments.service.js";
import { exportCycloneDx, exportFieldSet, importCycloneDx } from "./interchange.service.js";
import * as risks from "./risks.service.js";
import * as search from "./search.service.js";
import * as systems from "./systems.service.js";
import { riskTaxonomies, riskTaxonomiesOf } from "./taxonomies.js";

const UPLOAD_BODY_LIMIT = 16 * 1024 * 1024;

export function registryRoutes(app: FastifyInstance, deps: Deps) {
  const route = routesFor(app, deps);
  riskTaxonomiesOf(deps); // validated at start

  route("searchSystems", ({ query, call }) => search.searchSystems(call, query));
  route("exportSystems", async ({ query, call, reply }) => {
    const body = await search.exportSystems(call, query);
    reply.header(
      "content-type",
      query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    );
    reply.header("content-disposition", `attachment; filename="ai-register.${query.format}"`);
    // Sent as is: the text is the file, not a JSON string.
    reply.serializer((payload: unknown) => payload as string);
    return body;
  });
  route("registryStats", ({ call }) => search.registryStats(call));

  route("createSystem", ({ body, call }) => systems.createSystem(call, body));
  route("getSystem", ({ params, call }) => systems.systemView(call, params));
  route("updateSystem", ({ params, body, call }) => systems.updateSystem(call, { ...params, ...body }));
  route("transitionSystem", ({ params, body, call }) => systems.transitionSystem(call, { ...params, ...body }));
  route("listSystemVersions", ({ params, call }) => systems.listVersions(call, params));
  route("systemObligations", ({ params, call }) => systems.systemObligations(call, params));
  route("systemClassifications", ({ params, call }) => systems.systemClassifications(call, params));

  route("importCycloneDx", ({ body, call }) => importCycloneDx(call, body), { bodyLimit: UPLOAD_BODY_LIMIT });
  route("exportCycloneDx", async ({ params, call, reply }) => {
    reply.header("content-disposition", `attachment; filename="${params.id}.cdx.json"`);
    return exportCycloneDx(call, params);
  });
  route("exportAnnexViii", ({ params, call }) => exportFieldSet(call, { ...params, standard: "eu-annex-viii" }));
  route("exportAtrs", ({ params, call }) => exportFieldSet(call, { ...params, standard: "uk-atrs" }));

  route("listRisks", ({ params, call }) => risks.listRisks(call, params));
  route("createRisk", ({ params, body, call }) => risks.createRisk(call, { ...params, ...body }));
  route("updateRisk", ({ params, body, call }) => risks.updateRisk(call, { ...params, ...body }));
  route("riskHistory", ({ params, call }) => risks.riskHistory(call, params));
  route("riskTaxonomies", ({ call }) => riskTaxonomies(call));

  route("listAssessments", ({ params, call }) => assessments.listAssessments(call, params));
  route("createAssessment", ({ params, body, call }) => assessments.createAssessment(call, { ...params, ...body }));
  route("getAssessment", ({ params, call }) => assessments.getAssessment(call, params));
  route("answerQuestion", ({ params, body, call }) => assessments.answerQuestion(call, { ...params, ...body }));
  route("completeAssessment", ({ params, call }) => assessments.completeAssessment(call, params));
  route("uploadEvidence", ({ body, call }) => assessments.uploadEvidence(call, body), {
    bodyLimit: UPLOAD_BODY_LIMIT,
  });
  route("getEvidence", ({ params, call }) => assessments.getEvidence(call, params));
}
