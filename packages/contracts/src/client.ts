import type { Problem } from "./common.js";
import {
  buildPath,
  contracts,
  type RouteBody,
  type RouteName,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
} from "./routes.js";

/** A failed API call, carrying the RFC 9457 problem the server answered with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
  }
}

export interface ClientOptions {
  baseUrl: string;
  /** API token for machine clients (`Authorization: Bearer`). */
  token?: string;
  /** CSRF token for cookie sessions (browser). */
  csrfToken?: () => string | null;
  credentials?: RequestCredentials;
  fetch?: typeof fetch;
}

export interface CallArgs<N extends RouteName> {
  params?: RouteParams<N>;
  query?: RouteQuery<N>;
  body?: RouteBody<N>;
}

/** A typed client over the shared route table. */
export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return async function call<N extends RouteName>(name: N, args: CallArgs<N> = {}): Promise<RouteResponse<N>> {
    const c = contracts[name];
    let url = options.baseUrl.replace(/\/$/, "") + buildPath(c.path, args.params as Record<string, string> | undefined);
    if (args.query) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(args.query as Record<string, unknown>)) {
        if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
      }
      const s = qs.toString();
      if (s) url += `?${s}`;
    }
    const headers: Record<string, string> = { accept: "application/json" };
    if (args.body !== undefined) headers["content-type"] = "application/json";
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const csrf = options.csrfToken?.();
    if (csrf && c.method !== "GET") headers["x-csrf-token"] = csrf;
    const res = await doFetch(url, {
      method: c.method,
      headers,
      body: args.body === undefined ? undefined : JSON.stringify(args.body),
      credentials: options.credentials,
    });
    if (res.status === 204 || res.status === 202) return null as RouteResponse<N>;
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (!res.ok) {
      throw new ApiError(res.status, json ?? { type: "about:blank", title: res.statusText, status: res.status });
    }
    return json as RouteResponse<N>;
  };
}
export type ApiCall = ReturnType<typeof createClient>;
