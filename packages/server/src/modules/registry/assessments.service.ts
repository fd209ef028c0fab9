import { createHash, randomUUID } from "node:crypto";
import {
  type Answer,
  type AssessmentKind,
  authorize,
  conflict,
  DomainError,
  invalid,
  notFound,
  obligationQuestions,
  type Question,
  registryPolicy,
  rmfQuestions,
  scoreAssessment,
  unauthenticated,
} from "@concordia/core";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import type { RequestContext } from "../../platform/context.js";
import { type Catalog, catalogOf } from "../rules/queries.js";
import { ensureOn, ensureReadRisks, visibleSystem } from "./access.js";
import {
  registryAnswers,
  registryAssessments,
  registryEvidence,
  registryEvidenceBlobs,
  registrySystems,
} from "./tables.js";

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
type AssessmentRow = typeof registryAssessments.$inferSelect;

function summary(a: AssessmentRow, answers: Map<string, Answer>) {
  return {
    id: a.id,
    systemId: a.systemId,
    kind: a.kind,
    title: a.title,
    status: a.status,
    createdAt: a.createdAt.toISOString(),
    completedAt: a.completedAt?.toISOString() ?? null,
    score: scoreAssessment(a.questions, answers),
  };
}

export async function listAssessments(call: Call, { id: systemId }: { id: string }) {
  const { ctx } = call;
  const db = call.deps.database.db;
  const system = await visibleSystem(db, ctx, systemId);
  ensureReadRisks(ctx, system.organizationId);
  const rows = await db
    .select()
    .from(registryAssessments)
    .where(eq(registryAssessments.systemId, systemId))
    .orderBy(desc(registryAssessments.createdAt));
  const answers = rows.length
    ? await db
        .select({
          assessmentId: registryAnswers.assessmentId,
          questionId: registryAnswers.questionId,
          answer: registryAnswers.answer,
        })
        .from(registryAnswers)
        .where(
          inArray(
            registryAnswers.assessmentId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    items: rows.map((r) =>
      summary(r, new Map(answers.filter((a) => a.assessmentId === r.id).map((a) => [a.questionId, a.answer]))),
    ),
  };
}

function questionsFor(
  catalog: Catalog,
  kind: AssessmentKind,
  profile: Parameters<Catalog["rules"]["evaluate"]>[0],
): Question[] {
  if (kind === "nist-ai-rmf") {
    const rmf = catalog.byId.get("nist-ai-rmf");
    if (!rmf) throw conflict("The NIST AI RMF instrument is not loaded, so its questionnaire is unavailable");
    return rmfQuestions(rmf.instrument);
  }
  const questions = obligationQuestions(
    catalog.rules.evaluate(profile, { asOf: new Date().toISOString().slice(0, 10), traces: false }),
  );
  if (questions.length === 0)
    throw conflict(
      "No binding obligation applies to this system's profile, so there is nothing to assess",
      "body.kind",
    );
  return questions;
}

export async function createAssessment(
  call: Call,
  { id: systemId, kind, title }: { id: string; kind: AssessmentKind; title?: string },
) {
  const { ctx } = call;
  const db = call.deps.database.db;
  const catalog = await catalogOf(call);
  const id = await db.transaction(async (tx) => {
    const system = await visibleSystem(tx, ctx, systemId, { write: true });
    ensureOn("writeAssessments", ctx, system.organizationId);
    const questions = questionsFor(catalog, kind, system.document.profile);
    const assessmentId = randomUUID();
    const name = title?.trim() || (kind === "nist-ai-rmf" ? "NIST AI RMF self-assessment" : "Obligations checklist");
    await tx.insert(registryAssessments).values({
      id: assessmentId,
      systemId,
      kind,
      title: name,
      status: "in-progress",
      questions,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: "registry.assessment.create",
      resourceType: "ai_assessment",
      resourceIds: [assessmentId, systemId],
      details: { kind },
    });
    return assessmentId;
  });
  return assessmentView(db, ctx, id);
}

async function load(db: Db | Tx, ctx: RequestContext, assessmentId: string, opts: { forUpdate?: boolean } = {}) {
  if (opts.forUpdate && ctx.actor.userId === null) throw unauthenticated();
  const q = db.select().from(registryAssessments).where(eq(registryAssessments.id, assessmentId));
  const [a] = opts.forUpdate ? await q.for("update") : await q;
  if (!a) throw notFound(`Assessment ${assessmentId}`);
  const system = await visibleSystem(db, ctx, a.systemId).catch(() => {
    throw notFound(`Assessment ${assessmentId}`);
  });
  return { a, system };
}

/** One assessment with its answers and evidence (the organization's readers, auditors, the secretariat). */
export async function getAssessment(call: Call, { assessmentId }: { assessmentId: string }) {
  return assessmentView(call.deps.database.db, call.ctx, assessmentId);
}

async function assessmentView(db: Db | Tx, ctx: RequestContext, assessmentId: string) {
  const { a, system } = await load(db, ctx, assessmentId);
  ensureReadRisks(ctx, system.organizationId);
  const rows = await db.select().from(registryAnswers).where(eq(registryAnswers.assessmentId, assessmentId));
  const hashes = [...new Set(rows.flatMap((r) => r.evidence))];
  const files = hashes.length
    ? await db
        .select({
          sha256: registryEvidence.sha256,
          fileName: registryEvidence.fileName,
          mediaType: registryEvidence.mediaType,
          size: registryEvidenceBlobs.size,
        })
        .from(registryEvidence)
        .innerJoin(registryEvidenceBlobs, eq(registryEvidenceBlobs.sha256, registryEvidence.sha256))
        .where(
          and(eq(registryEvidence.organizationId, system.organizationId), inArray(registryEvidence.sha256, hashes)),
        )
    : [];
  const byHash = new Map(files.map((f) => [f.sha256, f]));
  return {
    ...summary(a, new Map(rows.map((r) => [r.questionId, r.answer]))),
    questions: a.questions,
    answers: rows.map((r) => ({
      questionId: r.questionId,
      answer: r.answer,
      note: r.note,
      evidence: r.evidence.map(
        (h) => byHash.get(h) ?? { sha256: h, fileName: h, size: 0, mediaType: "application/octet-stream" },
      ),
      answeredAt: r.answeredAt.toISOString(),
    })),
  };
}

export async function answerQuestion(
  call: Call,
  input: { assessmentId: string; questionId: string; answer: Answer; note: string; evidence: string[] },
) {
  const { ctx } = call;
  const { assessmentId, questionId } = input;
  return call.deps.database.db.transaction(async (tx) => {
    const { a, system } = await load(tx, ctx, assessmentId, { forUpdate: true });
    ensureOn("writeAssessments", ctx, system.organizationId);
    if (a.status === "completed") throw conflict("This assessment is completed; start a new one to change answers");
    if (!a.questions.some((q) => q.id === questionId))
      throw invalid("params.questionId", `no question "${questionId}" in this assessment`);
    const evidence = [...new Set(input.evidence)];
    if (evidence.length) {
      const known = await tx
        .select({ sha256: registryEvidence.sha256 })
        .from(registryEvidence)
        .where(
          and(eq(registryEvidence.organizationId, system.organizationId), inArray(registryEvidence.sha256, evidence)),
        );
      const have = new Set(known.map((k) => k.sha256));
      const missing = input.evidence.findIndex((h) => !have.has(h));
      if (missing >= 0)
        throw invalid(
          `body.evidence.${missing}`,
          "no evidence file with this SHA-256 was uploaded for this organization",
        );
    }
    const values = {
      answer: input.answer,
      note: input.note,
      evidence,
      answeredBy: ctx.actor.userId,
      answeredAt: new Date(),
    };
    await tx
      .insert(registryAnswers)
      .values({ assessmentId, questionId, ...values })
      .onConflictDoUpdate({ target: [registryAnswers.assessmentId, registryAnswers.questionId], set: values });
    await recordAudit(tx, ctx, {
      action: "registry.assessment.answer",
      resourceType: "ai_assessment",
      resourceIds: [assessmentId],
      details: { questionId, answer: input.answer },
    });
    return assessmentView(tx, ctx, assessmentId);
  });
}

export async function completeAssessment(call: Call, { assessmentId }: { assessmentId: string }) {
  const { ctx } = call;
  return call.deps.database.db.transaction(async (tx) => {
    const { a, system } = await load(tx, ctx, assessmentId, { forUpdate: true });
    ensureOn("writeAssessments", ctx, system.organizationId);
    if (a.status === "completed") throw conflict("This assessment is already completed");
    const answered = await tx
      .select({ q: registryAnswers.questionId })
      .from(registryAnswers)
      .where(eq(registryAnswers.assessmentId, assessmentId));
    const unanswered = a.questions.length - new Set(answered.map((r) => r.q)).size;
    if (unanswered > 0) throw conflict(`${unanswered} question(s) are not answered yet`);
    await tx
      .update(registryAssessments)
      .set({ status: "completed", completedAt: new Date() })
      .where(eq(registryAssessments.id, assessmentId));
    await recordAudit(tx, ctx, {
      action: "registry.assessment.complete",
      resourceType: "ai_assessment",
      resourceIds: [assessmentId],
    });
    return assessmentView(tx, ctx, assessmentId);
  });
}

export async function uploadEvidence(
  call: Call,
  input: { organizationId: string; fileName: string; mediaType: string; contentBase64: string },
) {
  const { ctx } = call;
  ensureOn("writeAssessments", ctx, input.organizationId);
  const bytes = Buffer.from(input.contentBase64, "base64");
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    throw new DomainError(
      "too_large",
      "Payload too large",
      `body.contentBase64: the file is ${bytes.length} bytes; at most ${MAX_EVIDENCE_BYTES}`,
      [{ field: "body.contentBase64", message: `at most ${MAX_EVIDENCE_BYTES} bytes` }],
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return call.deps.database.db.transaction(async (tx) => {
    await tx
      .insert(registryEvidenceBlobs)
      .values({ sha256, content: new Uint8Array(bytes), size: bytes.length })
      .onConflictDoNothing();
    await tx
      .insert(registryEvidence)
      .values({
        organizationId: input.organizationId,
        sha256,
        fileName: input.fileName,
        mediaType: input.mediaType,
        uploadedBy: ctx.actor.userId,
      })
      .onConflictDoUpdate({
        target: [registryEvidence.organizationId, registryEvidence.sha256],
        set: { fileName: input.fileName, mediaType: input.mediaType },
      });
    await recordAudit(tx, ctx, {
      action: "registry.evidence.upload",
      resourceType: "evidence",
      resourceIds: [sha256],
      details: { size: bytes.length },
    });
    return { sha256, fileName: input.fileName, size: bytes.length, mediaType: input.mediaType };
  });
}

/**
 * An evidence file, only through what the caller may already see: the file's organization's own
 * people and the secretariat, or anyone who may read an assessment of a published system that cites
 * it. Everything else answers 404, exactly like an unknown hash — hashes are public (the log, a
 * dataset's sha256), so a 403 would confirm that a file exists.
 */
export async function getEvidence(call: Call, { sha256 }: { sha256: string }) {
  const { ctx } = call;
  const db = call.deps.database.db;
  if (ctx.actor.userId === null) throw unauthenticated();
  const rows = await db
    .select({
      organizationId: registryEvidence.organizationId,
      fileName: registryEvidence.fileName,
      mediaType: registryEvidence.mediaType,
    })
    .from(registryEvidence)
    .where(eq(registryEvidence.sha256, sha256));
  let readable = rows.find(
    (r) => authorize(registryPolicy, "readRisks", ctx.actor, { organizationId: r.organizationId }) === "allow",
  );
  if (!readable && rows.length > 0) {
    // Cited by an answer of an assessment of a system the caller may see and whose assessments it may read.
    const citing = await db
      .selectDistinct({ organizationId: registrySystems.organizationId })
      .from(registryAnswers)
      .innerJoin(registryAssessments, eq(registryAssessments.id, registryAnswers.assessmentId))
      .innerJoin(registrySystems, eq(registrySystems.id, registryAssessments.systemId))
      .where(
        and(
          sql`${registryAnswers.evidence} @> ${JSON.stringify([sha256])}::jsonb`,
          inArray(registrySystems.status, ["published", "withdrawn"]),
        ),
      );
    const mayRead = (organizationId: string) =>
      authorize(registryPolicy, "readRisks", ctx.actor, { organizationId }) === "allow" ||
      authorize(registryPolicy, "readAllRisks", ctx.actor) === "allow";
    const via = citing.find((c) => mayRead(c.organizationId));
    if (via) readable = rows.find((r) => r.organizationId === via.organizationId);
  }
  if (!readable) throw notFound(`Evidence ${sha256}`);
  const [blob] = await db.select().from(registryEvidenceBlobs).where(eq(registryEvidenceBlobs.sha256, sha256));
  return {
    sha256,
    fileName: readable.fileName,
    mediaType: readable.mediaType,
    size: blob!.size,
    contentBase64: Buffer.from(blob!.content).toString("base64"),
  };
}
