import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An error that becomes an RFC 9457 problem+json answer. Thrown by services and
 * routes; anything else that escapes is a bug and answers a generic 500.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (field: string, message: string) =>
  new HttpProblem(400, "Invalid request", `${field}: ${message}`, [{ field, message }]);
export const unauthenticated = (detail = "Sign in or send an API token to do this.") =>
  new HttpProblem(401, "Not signed in", detail);
export const forbidden = (detail = "Your roles do not allow this.") => new HttpProblem(403, "Forbidden", detail);
export const notFound = (what: string) => new HttpProblem(404, "Not found", `${what} does not exist.`);
export const conflict = (detail: string, field?: string) =>
  new HttpProblem(409, "Conflict", detail, field ? [{ field, message: detail }] : undefined);

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

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpProblem) {
    return sendProblem(reply, request, error.status, error.title, error.detail, error.errors);
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
