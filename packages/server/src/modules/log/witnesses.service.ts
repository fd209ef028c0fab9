import { randomUUID } from "node:crypto";
import {
  abilities,
  conflict,
  ensure,
  invalid,
  notFound,
  parseSignatureLine,
  parseVerifierKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  type VerifierKey,
  verifyCosignatureLine,
  witnessPolicy,
} from "@concordia/core";
import { and, eq, sql } from "drizzle-orm";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import { isCountry } from "../members/queries.js";
import { logCheckpoints, logCosignatures, logWitnesses } from "./tables.js";

function parseWitnessKey(text: string): VerifierKey {
  let key: VerifierKey;
  try {
    key = parseVerifierKey(text.trim());
  } catch (err) {
    throw invalid("body.verifierKey", `not a C2SP note verifier key: ${(err as Error).message}`);
  }
  if (key.type !== SIGNATURE_TYPE_COSIGNATURE_V1) {
    throw invalid("body.verifierKey", "a witness key must be a cosignature/v1 key (type 0x04)");
  }
  return key;
}

/** The witnesses, with what the caller may do (`can.register`, `can.remove`). */
export async function listWitnesses(call: Call) {
  ensure(witnessPolicy, "list", call.ctx.actor);
  const db = call.deps.database.db;
  const rows = await db
    .select({
      w: logWitnesses,
      lastSize: sql<
        number | null
      >`(select max(c.size) from log_cosignatures c where c.witness_id = "log_witnesses"."id")`,
      lastAt: sql<
        string | null
      >`(select max(c.received_at) from log_cosignatures c where c.witness_id = "log_witnesses"."id")`,
    })
    .from(logWitnesses)
    .orderBy(logWitnesses.name);
  const can = abilities(witnessPolicy, call.ctx.actor);
  return {
    items: rows.map(({ w, lastSize, lastAt }) => ({
      id: w.id,
      name: w.name,
      verifierKey: w.verifierKey,
      countryCode: w.countryCode,
      createdAt: w.createdAt.toISOString(),
      lastCosignedSize: lastSize === null ? null : Number(lastSize),
      lastCosignedAt: lastAt === null ? null : new Date(lastAt).toISOString(),
    })),
    can: { register: can.register, remove: can.remove },
  };
}

export async function registerWitness(call: Call, input: { verifierKey: string; countryCode: string | null }) {
  ensure(witnessPolicy, "register", call.ctx.actor);
  const { ctx } = call;
  const key = parseWitnessKey(input.verifierKey);
  if (input.countryCode && !isCountry(input.countryCode))
    throw invalid("body.countryCode", "not an ISO 3166-1 alpha-2 country code");
  return call.deps.database.db.transaction(async (tx) => {
    const id = randomUUID();
    const inserted = await tx
      .insert(logWitnesses)
      .values({
        id,
        name: key.name,
        keyId: key.keyId,
        verifierKey: input.verifierKey.trim(),
        countryCode: input.countryCode,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted[0]) throw conflict("This witness key is already registered.", "body.verifierKey");
    await recordAudit(tx, ctx, {
      action: "witness.register",
      resourceType: "log_witness",
      resourceIds: [id],
      details: { name: key.name },
    });
    const w = inserted[0];
    return {
      id: w.id,
      name: w.name,
      verifierKey: w.verifierKey,
      countryCode: w.countryCode,
      createdAt: w.createdAt.toISOString(),
      lastCosignedSize: null,
      lastCosignedAt: null,
    };
  });
}

export async function removeWitness(call: Call, { id }: { id: string }) {
  ensure(witnessPolicy, "remove", call.ctx.actor);
  const { ctx } = call;
  await call.deps.database.db.transaction(async (tx) => {
    const gone = await tx.delete(logWitnesses).where(eq(logWitnesses.id, id)).returning({ id: logWitnesses.id });
    if (!gone[0]) throw notFound("This witness");
    await recordAudit(tx, ctx, { action: "witness.remove", resourceType: "log_witness", resourceIds: [id] });
  });
}

/** Clock skew we accept on a cosignature's timestamp. */
const MAX_FUTURE_SECONDS = 600;

/**
 * A witness submits its cosignature (C2SP tlog-cosignature v1) of one of our
 * checkpoints. The signature is the credential: it must come from a registered
 * witness key and verify over the checkpoint of that size that the log signed.
 */
export async function submitCosignature(call: Call, input: { size: number; cosignature: string }) {
  const { ctx } = call;
  const db = call.deps.database.db;
  const line = input.cosignature.startsWith("\u2014 ")
    ? input.cosignature.trim()
    : `\u2014 ${input.cosignature.trim()}`;
  let sig: ReturnType<typeof parseSignatureLine>;
  try {
    sig = parseSignatureLine(line);
  } catch (err) {
    throw invalid("body.cosignature", `not a signature line: ${(err as Error).message}`);
  }
  const [witness] = await db
    .select()
    .from(logWitnesses)
    .where(and(eq(logWitnesses.name, sig.name), eq(logWitnesses.keyId, sig.keyId)));
  if (!witness)
    throw invalid(
      "body.cosignature",
      `no registered witness has the key ${sig.name}+${sig.keyId.toString(16).padStart(8, "0")}`,
    );
  const [cp] = await db.select().from(logCheckpoints).where(eq(logCheckpoints.size, input.size));
  if (!cp) throw invalid("body.size", `the log never signed a checkpoint of size ${input.size}`);
  const checkpointText = cp.note.slice(0, cp.note.indexOf("\n\n") + 1);
  let timestamp: number;
  try {
    timestamp = verifyCosignatureLine(checkpointText, line, parseVerifierKey(witness.verifierKey)).timestamp;
  } catch (err) {
    throw invalid(
      "body.cosignature",
      `the cosignature does not verify over checkpoint ${input.size}: ${(err as Error).message}`,
    );
  }
  if (timestamp > Date.now() / 1000 + MAX_FUTURE_SECONDS)
    throw invalid("body.cosignature", "the cosignature's time is in the future");
  await db.transaction(async (tx) => {
    await tx
      .insert(logCosignatures)
      .values({ witnessId: witness.id, size: input.size, line, timestamp })
      .onConflictDoUpdate({
        target: [logCosignatures.witnessId, logCosignatures.size],
        set: { line, timestamp, receivedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: "witness.cosign",
      resourceType: "log_checkpoint",
      resourceIds: [String(input.size), witness.id],
      details: { witness: witness.name },
    });
  });
  return { witnessId: witness.id, size: input.size, timestamp };
}
