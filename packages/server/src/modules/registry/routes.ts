import { registryPolicy } from "@concordia/core";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../platform/context.js";
import { defineRoute, ensure } from "../../platform/http/route.js";
import * as assessments from "./assessments.service.js";
import * as classification from "./classify.service.js";
import { exportCycloneDx, exportFieldSet, importCycloneDx } from "./interchange.service.js";
import * as risks from "./risks.service.js";
import * as search from "./search.service.js";
import * as systems from "./systems.service.js";
import { loadRiskTaxonomies } from "./taxonomies.js";

const UPLOAD_BODY_LIMIT = 16 * 1024 * 1024;

export function registryRoutes(app: FastifyInstance, deps: Deps) {
  const db = deps.database.db;
  const catalog = () => deps.catalog(db);
  const taxonomies = loadRiskTaxonomies(deps.config.referenceDataDir);
  const view = async (ctx: Parameters<typeof systems.systemView>[2], id: string) =>
    systems.systemView(db, await catalog(), ctx, id);
  /** After a public act, wait until the log has integrated the record, so the answer carries its index. */
  const integrated = async (seq: number | null) => {
    if (seq !== null) await deps.log.awaitIndex(seq);
  };

  defineRoute(app, "searchSystems", async ({ query, ctx }) => {
    ensure(registryPolicy, "list", ctx);
    return search.searchSystems(db, ctx, query);
  });
  defineRoute(app, "exportSystems", async ({ query, ctx, reply }) => {
    const { format, ...input } = query;
    const body = await search.exportSystems(db, ctx, input, format);
    reply.header("content-type", format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
    reply.header("content-disposition", `attachment; filename="ai-register.${format}"`);
    // Sent as is: the text is the file, not a JSON string.
    reply.serializer((payload: unknown) => payload as string);
    return body;
  });
  defineRoute(app, "registryStats", async () => search.registryStats(db));

  defineRoute(app, "createSystem", async ({ body, ctx }) => {
    const id = await systems.createSystem(db, await catalog(), ctx, body.organizationId, body.document);
    return view(ctx, id);
  });
  defineRoute(app, "getSystem", async ({ params, ctx }) => view(ctx, params.id));
  defineRoute(app, "updateSystem", async ({ params, body, ctx }) => {
    await integrated(await systems.updateSystem(db, await catalog(), ctx, params.id, body.document, body.changeNote));
    return view(ctx, params.id);
  });
  defineRoute(app, "transitionSystem", async ({ params, body, ctx }) => {
    await integrated(await systems.transitionSystem(db, ctx, params.id, body.action, body.note));
    search.resetStatsCache();
    return view(ctx, params.id);
  });
  defineRoute(app, "listSystemVersions", async ({ params, ctx }) => systems.listVersions(db, ctx, params.id));
  defineRoute(app, "systemObligations", async ({ params, ctx }) => {
    const row = await systems.requireSystemRowVisible(db, ctx, params.id);
    const hidden = systems.hiddenGroups(ctx, row);
    const evaluation = (await catalog()).rules.evaluate(row.document.profile, {
      asOf: new Date().toISOString().slice(0, 10),
    });
    if (!hidden.includes("profile")) return evaluation;
    // The reasons are profile facts: withheld when the profile is.
    for (const j of evaluation.jurisdictions) {
      for (const i of j.instruments) {
        i.scopeTrace = [];
        for (const o of i.obligations) o.trace = [];
      }
    }
    return evaluation;
  });
  defineRoute(app, "systemClassifications", async ({ params, ctx }) => {
    await systems.requireSystemRowVisible(db, ctx, params.id);
    return classification.classificationHistory(db, params.id);
  });

  defineRoute(
    app,
    "importCycloneDx",
    async ({ body, ctx }) => view(ctx, await importCycloneDx(db, await catalog(), ctx, body)),
    { bodyLimit: UPLOAD_BODY_LIMIT },
  );
  defineRoute(app, "exportCycloneDx", async ({ params, ctx, reply }) => {
    reply.header("content-disposition", `attachment; filename="${params.id}.cdx.json"`);
    return exportCycloneDx(db, ctx, params.id);
  });
  defineRoute(app, "exportAnnexViii", async ({ params, ctx }) => exportFieldSet(db, ctx, params.id, "eu-annex-viii"));
  defineRoute(app, "exportAtrs", async ({ params, ctx }) => exportFieldSet(db, ctx, params.id, "uk-atrs"));

  defineRoute(app, "listRisks", async ({ params, ctx }) => risks.listRisks(db, ctx, params.id, taxonomies));
  defineRoute(app, "createRisk", async ({ params, body, ctx }) =>
    risks.createRisk(db, ctx, params.id, body, taxonomies),
  );
  defineRoute(app, "updateRisk", async ({ params, body, ctx }) =>
    risks.updateRisk(db, ctx, params.riskId, body, taxonomies),
  );
  defineRoute(app, "riskHistory", async ({ params, ctx }) => risks.riskHistory(db, ctx, params.riskId));
  defineRoute(app, "riskTaxonomies", async () => ({ taxonomies }));

  defineRoute(app, "listAssessments", async ({ params, ctx }) => assessments.listAssessments(db, ctx, params.id));
  defineRoute(app, "createAssessment", async ({ params, body, ctx }) => {
    const id = await assessments.createAssessment(db, await catalog(), ctx, params.id, body.kind, body.title);
    return assessments.assessmentView(db, ctx, id);
  });
  defineRoute(app, "getAssessment", async ({ params, ctx }) =>
    assessments.assessmentView(db, ctx, params.assessmentId),
  );
  defineRoute(app, "answerQuestion", async ({ params, body, ctx }) =>
    assessments.answerQuestion(db, ctx, params.assessmentId, params.questionId, body),
  );
  defineRoute(app, "completeAssessment", async ({ params, ctx }) =>
    assessments.completeAssessment(db, ctx, params.assessmentId),
  );
  defineRoute(app, "uploadEvidence", async ({ body, ctx }) => assessments.uploadEvidence(db, ctx, body), {
    bodyLimit: UPLOAD_BODY_LIMIT,
  });
  defineRoute(app, "getEvidence", async ({ params, ctx }) => assessments.getEvidence(db, ctx, params.sha256));
}
