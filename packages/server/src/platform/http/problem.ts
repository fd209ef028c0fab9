import { DomainError, type ErrorKind, type FieldError, unavailable } from "@concordia/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isConnectionError } from "../../db/connection.js";

/** HTTP status of each domain error kind. */
const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export const statusOf = (e: DomainError) => STATUS[e.kind];

const TYPE_BASE = "https://concordia.example/problems/";

function typeFor(status: number): string {
  const names: Record<number, string> = {
    400: "invalid-request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    413: "payload-too-large",
    415: "unsupported-media-type",
    429: "too-many-requests",
    503: "service-unavailable",
  };
  return TYPE_BASE + (names[status] ?? "server-error");
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  title: string,
  detail?: string,
  errors?: FieldError[],
) {
  const body: Record<string, unknown> = { type: typeFor(status), title, status, instance: request.url };
  if (detail) body.detail = detail;
  if (errors?.length) body.errors = errors;
  return reply.code(status).type("application/problem+json").send(body);
}

/** PostgreSQL error codes we turn into client errors rather than 500s. */
function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === "string" ? e.code : typeof e?.cause?.code === "string" ? e.cause.code : undefined;
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * The database is away (restart, failover, network) or too slow: a temporary condition of the
 * service, answered 503 with Retry-After rather than 500, for every route.
 */
function databaseUnavailable(error: unknown): DomainError | undefined {
  if (isConnectionError(error)) {
    return unavailable("The database cannot be reached at the moment; try again in a few seconds.");
  }
  // 57014 query_canceled: statement_timeout (CONCORDIA_DB_STATEMENT_TIMEOUT_MS).
  if (pgCode(error) === "57014") return unavailable("The database took too long to answer; try again later.");
  return undefined;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const down = databaseUnavailable(error);
  if (down) {
    request.log.warn({ err: error }, "database unavailable");
    reply.header("retry-after", "5");
    return sendProblem(reply, request, statusOf(down), down.title, down.detail);
  }
  if (error instanceof DomainError) {
    return sendProblem(reply, request, statusOf(error), error.title, error.detail, error.errors);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? "body";
    const errors = error.validation.map((v) => {
      const path = v.instancePath.split("/").filter(Boolean);
      const keys = (v.params as { keys?: unknown }).keys;
      if (v.keyword === "unrecognized_keys" && Array.isArray(keys) && keys.length) {
        return { field: [part, ...path, keys.join(",")].join("."), message: v.message ?? "unknown field" };
      }
      return { field: [part, ...path].join("."), message: v.message ?? "invalid" };
    });
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
    return sendProblem(reply, request, 400, "Invalid request", detail, errors);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, "response did not match its schema");
    return sendProblem(reply, request, 500, "Internal error", "The server produced an invalid answer.");
  }
  const code = pgCode(error);
  if (code === "23505") return sendProblem(reply, request, 409, "Conflict", "This already exists.");
  if (code === "23503")
    return sendProblem(reply, request, 409, "Conflict", "A referenced record is missing or still in use.");
  if (code === "22P02" || code === "22007" || code === "22008")
    return sendProblem(reply, request, 400, "Invalid request", "A value has the wrong format.");
  const status = typeof error.statusCode === "number" ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    // Fastify's own client errors: malformed JSON, body too large, wrong content type...
    const field =
      error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
        ? "body"
        : undefined;
    return sendProblem(
      reply,
      request,
      status,
      titleFor(status),
      error.message,
      field ? [{ field, message: error.message }] : undefined,
    );
  }
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, request, 500, "Internal error", "Something went wrong on our side; it has been logged.");
}

function titleFor(status: number): string {
  switch (status) {
    case 400:
      return "Invalid request";
    case 404:
      return "Not found";
    case 405:
      return "Method not allowed";
    case 413:
      return "Payload too large";
    case 415:
      return "Unsupported media type";
    case 429:
      return "Too many requests";
    default:
      return "Request error";
  }
}
