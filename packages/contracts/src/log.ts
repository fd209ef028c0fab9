import { z } from "zod";
import { Id, PageQuery, page, Timestamp } from "./common.js";
import { CountryCode } from "./members.js";

const Base64Hash = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "a SHA-256 hash in standard base64 (44 characters)");
const HexSha256 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "a SHA-256 digest in hexadecimal (64 characters)")
  .transform((s) => s.toLowerCase());
const Index = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Size = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/**
 * What anyone needs to check, offline and without trusting the server, that a
 * record is in the log: the record's canonical JSON (RFC 8785), its leaf index,
 * the inclusion proof (RFC 9162 §2.1.3) up to a checkpoint signed by the log
 * (C2SP signed note), and the log's verifier key.
 */
export const Receipt = z
  .object({
    format: z.literal("concordia-receipt/v1"),
    origin: z.string(),
    verifierKey: z.string().describe("C2SP note verifier key: <name>+<hex key id>+<base64 key>"),
    index: z.number().int(),
    recordType: z.string(),
    record: z.string().describe("the canonical JSON (RFC 8785) of the record; the leaf is its UTF-8 bytes"),
    leafHash: Base64Hash,
    treeSize: z.number().int(),
    inclusionProof: z.array(Base64Hash),
    checkpoint: z.string().describe("C2SP tlog-checkpoint in a signed note"),
  })
  .meta({ id: "Receipt" });
export type Receipt = z.infer<typeof Receipt>;

export const CosignatureView = z.object({
  witnessId: Id,
  witnessName: z.string(),
  countryCode: CountryCode.nullable(),
  size: z.number().int(),
  timestamp: z.number().int(),
  receivedAt: Timestamp,
});

export const LogInfo = z
  .object({
    origin: z.string(),
    verifierKey: z.string(),
    size: z.number().int(),
    rootHash: Base64Hash.nullable(),
    checkpoint: z.string().nullable().describe("latest signed checkpoint with the witnesses' cosignatures"),
    checkpointAt: Timestamp.nullable(),
    pending: z.number().int().describe("records accepted but not yet integrated"),
    can: z
      .object({ notarize: z.boolean() })
      .describe("what the caller may do with the log, from its policy (core/log/policy.ts)"),
  })
  .meta({ id: "LogInfo" });

export const LogEntryView = z
  .object({
    index: z.number().int(),
    recordType: z.string(),
    record: z.string(),
    leafHash: Base64Hash,
    integratedAt: Timestamp,
  })
  .meta({ id: "LogEntry" });
export const LogEntryQuery = PageQuery.extend({ type: z.string().max(100).optional() });
export const LogEntryPage = page(LogEntryView);
export const IndexParams = z.strictObject({ index: Index });

export const InclusionProofQuery = z
  .strictObject({ index: Index.optional(), leafHash: Base64Hash.optional(), treeSize: Size.optional() })
  .refine((q) => (q.index === undefined) !== (q.leafHash === undefined), {
    message: "give exactly one of index or leafHash",
    path: ["index"],
  });
export const InclusionProofView = z.object({
  index: z.number().int(),
  treeSize: z.number().int(),
  leafHash: Base64Hash,
  proof: z.array(Base64Hash),
  rootHash: Base64Hash,
});
export const ConsistencyProofQuery = z
  .strictObject({ from: Size, to: Size })
  .refine((q) => q.from <= q.to, { message: "from must not exceed to", path: ["from"] });
export const ConsistencyProofView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  proof: z.array(Base64Hash),
  fromRoot: Base64Hash,
  toRoot: Base64Hash,
});

export const CheckpointView = z
  .object({
    size: z.number().int(),
    rootHash: Base64Hash,
    note: z.string(),
    createdAt: Timestamp,
    cosignatures: z.array(CosignatureView),
  })
  .meta({ id: "Checkpoint" });
export const CheckpointPage = page(CheckpointView);

export const NotarizeBody = z
  .strictObject({
    title: z.string().trim().min(1).max(300),
    description: z.string().max(5000).default(""),
    fileName: z.string().max(300).optional(),
    sha256: HexSha256.optional(),
    /** The file itself, base64; the server computes its SHA-256 and keeps only the hash. */
    contentBase64: z.string().max(1_000_000).optional(),
  })
  .refine((b) => (b.sha256 === undefined) !== (b.contentBase64 === undefined), {
    message: "give exactly one of sha256 or contentBase64",
    path: ["sha256"],
  });

export const WitnessView = z
  .object({
    id: Id,
    name: z.string(),
    verifierKey: z.string(),
    countryCode: CountryCode.nullable(),
    createdAt: Timestamp,
    lastCosignedSize: z.number().int().nullable(),
    lastCosignedAt: Timestamp.nullable(),
  })
  .meta({ id: "Witness" });
export const RegisterWitnessBody = z.strictObject({
  verifierKey: z.string().min(10).max(500),
  countryCode: CountryCode.nullable().default(null),
});
export const SubmitCosignatureBody = z.strictObject({
  size: z.number().int().min(1),
  /** One signature line of a C2SP cosignature/v1 (with or without the leading em dash). */
  cosignature: z.string().min(10).max(1000),
});
