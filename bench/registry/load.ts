/**
 * A closed-loop load generator: `concurrency` clients on keep-alive connections, each sending its
 * next request as soon as the previous answer's body has arrived, cycling through a mix of paths.
 * Latency is measured per request (send → last byte), so percentiles per path come for free.
 */
import { Agent, get } from "node:http";
import { now } from "./common.js";

export interface Target {
  /** Label of the request kind, e.g. "rare word". */
  shape: string;
  url: string;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  perSecond: number;
  /** Latencies in ms per shape, and all together. */
  byShape: Map<string, number[]>;
  all: number[];
  non200: number;
  errors: number;
}

export function fetchOnce(url: string, agent?: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

export async function runLoad(targets: Target[], concurrency: number, seconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const byShape = new Map<string, number[]>(targets.map((t) => [t.shape, []]));
  const all: number[] = [];
  let non200 = 0;
  let errors = 0;
  let next = 0;
  const t0 = now();
  const deadline = t0 + seconds * 1000;
  const worker = async () => {
    while (now() < deadline) {
      const t = targets[next++ % targets.length]!;
      const start = now();
      try {
        const r = await fetchOnce(t.url, agent);
        const ms = now() - start;
        if (r.status !== 200) non200++;
        byShape.get(t.shape)!.push(ms);
        all.push(ms);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (now() - t0) / 1000;
  agent.destroy();
  return { seconds: elapsed, requests: all.length, perSecond: all.length / elapsed, byShape, all, non200, errors };
}

/** One client, `reps` requests per target in turn: latency without queueing. */
export async function sequential(targets: Target[], reps: number): Promise<Map<string, number[]>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out = new Map<string, number[]>(targets.map((t) => [t.shape, []]));
  for (let i = 0; i < reps; i++) {
    for (const t of targets) {
      const start = now();
      const r = await fetchOnce(t.url, agent);
      if (r.status !== 200) throw new Error(`${t.url} answered ${r.status}: ${r.body.slice(0, 300)}`);
      out.get(t.shape)!.push(now() - start);
    }
  }
  agent.destroy();
  return out;
}
