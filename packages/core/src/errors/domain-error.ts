/**
 * Errors of the domain, thrown by services and pure code, with a kind the edges translate:
 * the HTTP edge maps the kind to a status and an RFC 9457 problem+json answer
 * (server `platform/http/problem.ts`), the CLI prints the message and exits 1. Nothing here
 * knows about HTTP, so the CLI and core never import HTTP errors.
 */

/** What went wrong, in terms an edge can map: HTTP uses 400, 401, 403, 404, 409, 413, 429, 503. */
export type ErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "unavailable";

/** One offending field, named as the request part and path: `body.email`, `querystring.page`, `params.id`. */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** A short title for people ("Invalid request", "Not found"). */
    readonly title: string,
    /** What happened, in a sentence. */
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
    this.name = "DomainError";
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** A field of the input is wrong: names it (`body.organizationId`) and says why. */
export const invalid = (field: string, message: string) =>
  new DomainError("invalid", "Invalid request", `${field}: ${message}`, [{ field, message }]);
export const unauthenticated = (detail = "Sign in or send an API token to do this.") =>
  new DomainError("unauthenticated", "Not signed in", detail);
export const forbidden = (detail = "Your roles do not allow this.") =>
  new DomainError("forbidden", "Forbidden", detail);
export const notFound = (what: string) => new DomainError("not_found", "Not found", `${what} does not exist.`);
export const conflict = (detail: string, field?: string) =>
  new DomainError("conflict", "Conflict", detail, field ? [{ field, message: detail }] : undefined);
export const tooLarge = (detail: string, field?: string) =>
  new DomainError("too_large", "Payload too large", detail, field ? [{ field, message: detail }] : undefined);
export const unavailable = (detail: string) => new DomainError("unavailable", "Service unavailable", detail);
