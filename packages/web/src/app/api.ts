import { type ApiCall, contracts, createClient } from "@concordia/contracts";

/**
 * The CSRF token of the current cookie session. The session endpoint and every
 * sign-in style endpoint hand out a fresh one; the client sends it back as the
 * x-csrf-token header on each mutating request.
 */
let currentCsrfToken: string | null = null;

let settleFirstSession: () => void = () => undefined;
/** Resolves once the first GET /auth/session has answered (or failed). */
const firstSessionSettled = new Promise<void>((resolve) => {
  settleFirstSession = resolve;
});

export function rememberCsrfToken(token: string | null): void {
  currentCsrfToken = token;
  settleFirstSession();
}

/** Lets mutations proceed even when the session could not be read. */
export function sessionUnavailable(): void {
  settleFirstSession();
}

const client = createClient({
  baseUrl: "",
  credentials: "same-origin",
  csrfToken: () => currentCsrfToken,
});

/**
 * The one typed API client of the app (same origin: the server also serves the
 * SPA). A mutation sent while the page is still loading (e.g. the automatic
 * POST of the verify-email page) waits for the session, so it carries the CSRF token.
 */
export const api = (async (name, args) => {
  if (contracts[name].method !== "GET") await firstSessionSettled;
  return client(name, args);
}) as ApiCall;

export function useApi(): ApiCall {
  return api;
}
