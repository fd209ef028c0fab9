import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";

/** Repository root: every child runs from here so `--import tsx` resolves. */
export const ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
export const HOST = "127.0.0.1";

const live = new Set<ChildProcess>();

/** Last resort on exit: no server child may outlive the benchmark. */
process.on("exit", () => {
  for (const c of live) c.kill("SIGKILL");
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, HOST, () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

/** One GET on loopback; resolves the status code, or 0 on a connection error or timeout. */
export function status(url: string, headers: Record<string, string> = {}, timeoutMs = 1_000): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false, headers, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

/** Resident memory of a process, in MiB, from /proc (VmRSS now, VmHWM = kernel-tracked peak). */
export function memory(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? Number.NaN);
    return { rss: kib("VmRSS") / 1024, hwm: kib("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawn until the health URL answered 200. */
  readyMs: number;
  /** Highest VmRSS seen by the sampler since the last `resetPeak()`, in MiB. */
  peakRss(): number;
  resetPeak(): void;
  memory(): { rss: number; hwm: number } | undefined;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  /** Script relative to the repository root, run with `node --import tsx`. */
  script: string;
  env: Record<string, string>;
  port: number;
  healthPath: string;
  timeoutMs?: number;
  /** Sample VmRSS every 100 ms while the server runs. */
  sample?: boolean;
}

/** Spawns a server child and resolves once `healthPath` answers 200 (bounded by `timeoutMs`). */
export async function spawnServer(o: SpawnOptions): Promise<Server> {
  const url = `http://${HOST}:${o.port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", o.script], {
    cwd: ROOT,
    env: { ...process.env, ...o.env, PORT: String(o.port), HOST },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exited = code;
      live.delete(child);
      resolve();
    }),
  );

  const stop = async () => {
    clearInterval(sampler);
    if (exited !== undefined) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exit;
    clearTimeout(killer);
  };

  let peak = 0;
  const sampler = setInterval(() => {
    const m = child.pid ? memory(child.pid) : undefined;
    if (m && m.rss > peak) peak = m.rss;
  }, 100);
  if (!o.sample) clearInterval(sampler);

  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  for (;;) {
    if (exited !== undefined) throw new Error(`${o.name} exited with code ${exited} before it was healthy:\n${tail}`);
    if ((await status(url + o.healthPath, {}, 500)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${o.name} not healthy after ${o.timeoutMs ?? 60_000} ms:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - t0;
  return {
    name: o.name,
    url,
    pid: child.pid!,
    readyMs,
    peakRss: () => peak,
    resetPeak: () => {
      peak = 0;
    },
    memory: () => memory(child.pid!),
    stop,
  };
}
