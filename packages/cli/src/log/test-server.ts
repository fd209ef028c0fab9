/**
 * Test fixture: serves a TestLog over HTTP with the endpoints the log commands
 * use (the C2SP checkpoint and entry bundles, consistency proofs,
 * notarizations, cosignatures), answering errors as RFC 9457 problems.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  base64Encode,
  consistencyProof,
  parseTilePath,
  TILE_WIDTH,
  type VerifierKey,
  verifyCosignatureLine,
} from "./core.js";
import type { TestLog } from "./test-log.js";

export interface TestServer {
  url: string;
  /** Cosignature lines accepted, in order. */
  accepted: { size: number; line: string }[];
  /** Replaces the log served (e.g. by a forked one with the same key). */
  setLog(log: TestLog): void;
  close(): Promise<void>;
}

function sortedJson(value: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))));
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
}

function problem(res: ServerResponse, status: number, detail: string) {
  res.writeHead(status, { "content-type": "application/problem+json" });
  res.end(JSON.stringify({ type: "about:blank", title: status === 404 ? "Not found" : "Bad request", status, detail }));
}

function json(res: ServerResponse, status: number, data: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(data));
}

export async function serveTestLog(
  initial: TestLog,
  options: { token: string; witnessKeys: () => VerifierKey[] },
): Promise<TestServer> {
  let log = initial;
  const accepted: { size: number; line: string }[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://test");
    try {
      if (req.method === "GET" && url.pathname === "/log/checkpoint") {
        if (log.size === 0) return problem(res, 404, "The log has no checkpoint yet.");
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        return res.end(log.signedCheckpoint());
      }
      if (req.method === "GET" && url.pathname.startsWith("/log/tile/")) {
        const tile = parseTilePath(url.pathname.slice("/log/".length));
        if (tile.kind !== "entries" || tile.index * TILE_WIDTH + tile.width > log.size) {
          return problem(res, 404, "no such tile");
        }
        res.writeHead(200, { "content-type": "application/octet-stream" });
        return res.end(Buffer.from(log.bundle(tile.index, tile.width)));
      }
      if (req.method === "GET" && url.pathname === "/api/v1/log/proofs/consistency") {
        const from = Number(url.searchParams.get("from"));
        const to = Number(url.searchParams.get("to"));
        if (!(from >= 1 && from <= to && to <= log.size)) return problem(res, 400, "bad sizes");
        const leaves = log.leaves();
        return json(res, 200, {
          from,
          to,
          proof: consistencyProof(leaves, from, to).map((h) => base64Encode(h)),
          fromRoot: "",
          toRoot: "",
        });
      }
      if (req.method === "POST" && url.pathname === "/api/v1/log/notarizations") {
        if (req.headers.authorization !== `Bearer ${options.token}`) return problem(res, 401, "not signed in");
        const b = (await body(req)) as { title: string; description?: string; fileName?: string; sha256: string };
        log.append(sortedJson({ ...b, description: b.description ?? "", type: "notarization" }));
        return json(res, 201, log.receipt(log.size - 1));
      }
      if (req.method === "POST" && url.pathname === "/api/v1/log/cosignatures") {
        const b = (await body(req)) as { size: number; cosignature: string };
        const key = options.witnessKeys().find((k) => b.cosignature.startsWith(`\u2014 ${k.name} `));
        if (!key) return problem(res, 400, "no registered witness has this key");
        try {
          verifyCosignatureLine(log.checkpointText(b.size), b.cosignature, key);
        } catch (err) {
          return problem(res, 400, `the cosignature does not verify: ${(err as Error).message}`);
        }
        accepted.push({ size: b.size, line: b.cosignature });
        log.cosignatures = [`${b.cosignature}\n`];
        return json(res, 201, { witnessId: "w", size: b.size, timestamp: 0 });
      }
      return problem(res, 404, `no route ${req.method} ${url.pathname}`);
    } catch (err) {
      return problem(res, 400, (err as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    setLog: (l) => {
      log = l;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
