/**
 * The three ways a log command can end badly, mapped to exit codes by main.ts:
 * a verification failure or alarm (1), any other error (1), bad usage (2).
 */

/** The log, a receipt or a state file failed a check: never retried, always loud. */
export class VerificationFailure extends Error {
  override readonly name = "VerificationFailure";
  constructor(
    /** Machine-readable reason, e.g. ROOT_MISMATCH, SIZE_DECREASED. */
    readonly code: string,
    message: string,
    /** The step that failed, for a person. */
    readonly step?: string,
  ) {
    super(message);
  }
}

/** The command was called wrongly (exit code 2). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A server answered with an error or could not be reached; may be transient. */
export class RemoteError extends Error {
  override readonly name = "RemoteError";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The `code` of an error thrown by the core log functions (NoteError, LogVerificationError, ...), if any. */
export function errorCode(err: unknown, fallback: string): string {
  if (err instanceof Error && "code" in err && typeof err.code === "string") return err.code;
  return fallback;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
