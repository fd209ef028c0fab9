/**
 * What the log commands ask of a Concordia server, behind small interfaces so
 * the verification logic can be tested against an in-memory log.
 */
import { ApiError, createClient } from "@concordia/contracts";
import { base64Decode, formatTilePath } from "./core.js";
import { errorMessage, RemoteError } from "./errors.js";

/** Read access to a log: what witnesses and monitors need. */
export interface LogFeed {
  /** The latest signed checkpoint note (with cosignature lines), or null when the log has none yet. */
  checkpoint(): Promise<string | null>;
  /** Consistency proof between two tree sizes, 1 <= from < to. */
  consistencyProof(from: number, to: number): Promise<Uint8Array[]>;
  /** The entry bundle `tile/entries/<index>[.p/<width>]`. */
  entryBundle(index: number, width: number): Promise<Uint8Array>;
}

/** A witness hands its cosignature back to the log. */
export interface CosignatureSink {
  submitCosignature(size: number, line: string): Promise<void>;
}

export function defaultBaseUrl(): string {
  return process.env.CONCORDIA_URL || "http://localhost:3000";
}

async function problemMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  try {
    const p = JSON.parse(text) as { title?: string; detail?: string };
    return p.detail ?? p.title ?? `${res.status} ${res.statusText}`;
  } catch {
    return `${res.status} ${res.statusText}`;
  }
}

function describe(err: unknown, what: string): RemoteError {
  if (err instanceof RemoteError) return err;
  if (err instanceof ApiError) {
    const p = err.problem;
    return new RemoteError(`${what}: ${err.status} ${p.title}${p.detail ? `: ${p.detail}` : ""}`, err.status);
  }
  const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : "";
  return new RemoteError(`${what}: ${errorMessage(err)}${cause}`);
}

/** The feed and cosignature sink of a server at `baseUrl`, over HTTP. */
export function httpLog(baseUrl: string, options: { fetch?: typeof fetch } = {}): LogFeed & CosignatureSink {
  const base = baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const api = createClient({ baseUrl: base, fetch: doFetch });

  async function raw(path: string, accept: string): Promise<Response> {
    let res: Response;
    try {
      res = await doFetch(`${base}/log/${path}`, { headers: { accept } });
    } catch (err) {
      throw describe(err, `GET ${base}/log/${path}`);
    }
    return res;
  }

  return {
    async checkpoint() {
      const res = await raw("checkpoint", "text/plain");
      if (res.status === 404) return null;
      if (!res.ok) throw new RemoteError(`GET /log/checkpoint: ${await problemMessage(res)}`, res.status);
      return res.text();
    },
    async consistencyProof(from, to) {
      try {
        const r = await api("consistencyProof", { query: { from, to } });
        if (r.from !== from || r.to !== to) {
          throw new RemoteError(`asked for a consistency proof ${from} -> ${to}, got ${r.from} -> ${r.to}`);
        }
        return r.proof.map((h) => base64Decode(h));
      } catch (err) {
        throw describe(err, `consistency proof ${from} -> ${to}`);
      }
    },
    async entryBundle(index, width) {
      const path = formatTilePath({ kind: "entries", index, width });
      const res = await raw(path, "application/octet-stream");
      if (!res.ok) throw new RemoteError(`GET /log/${path}: ${await problemMessage(res)}`, res.status);
      return new Uint8Array(await res.arrayBuffer());
    },
    async submitCosignature(size, line) {
      try {
        await api("submitCosignature", { body: { size, cosignature: line.replace(/\n$/, "") } });
      } catch (err) {
        throw describe(err, "the server did not accept the cosignature");
      }
    },
  };
}

export interface NotarizeRequest {
  title: string;
  description?: string;
  fileName?: string;
  sha256: string;
}

/** POST /api/v1/log/notarizations; returns the receipt as the server sent it. */
export async function postNotarization(
  baseUrl: string,
  token: string,
  body: NotarizeRequest,
  options: { fetch?: typeof fetch } = {},
): Promise<unknown> {
  const api = createClient({ baseUrl: baseUrl.replace(/\/+$/, ""), token, fetch: options.fetch });
  try {
    return await api("notarize", { body });
  } catch (err) {
    throw describe(err, "notarization refused");
  }
}
