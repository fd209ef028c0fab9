export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const round = (x: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export interface ColdStart {
  name: string;
  runsMs: number[];
  medianMs: number;
  vsBare: number;
}

export interface Throughput {
  target: string;
  database: string;
  path: string;
  /** Per round; `errors` counts connection errors and timeouts (autocannon's 10 s), `timeouts` those alone. */
  rounds: {
    reqPerSec: number;
    p50: number;
    p99: number;
    total: number;
    non2xx: number;
    errors: number;
    timeouts: number;
  }[];
  reqPerSec: number;
  p50: number;
  p99: number;
  vsBare: number;
}

export interface Memory {
  name: string;
  idleRssMiB: number;
  peakRssUnderLoadMiB: number;
  vmHwmMiB: number;
}

export function coldStartTable(rows: ColdStart[]): string {
  return table(
    ["Server (spawn → first 200)", "Runs (ms)", "Median (ms)", "× bare"],
    rows.map((r) => [r.name, r.runsMs.map((x) => round(x)).join(", "), round(r.medianMs), round(r.vsBare, 1)]),
  );
}

const sum = (rounds: Throughput["rounds"], key: "non2xx" | "errors" | "timeouts") =>
  rounds.reduce((a, x) => a + x[key], 0);

export function throughputTable(rows: Throughput[]): string {
  return table(
    ["Target", "Database", "Req/s", "p50 (ms)", "p99 (ms)", "Req/s vs bare", "Non-2xx / errors (timeouts)"],
    rows.map((r) => [
      `\`${r.path}\`${r.target.includes("token") ? " (Bearer token)" : ""}`,
      r.database,
      round(r.reqPerSec),
      round(r.p50, 1),
      round(r.p99, 1),
      `${round(r.vsBare * 100, 1)} %`,
      `${sum(r.rounds, "non2xx")} / ${sum(r.rounds, "errors")} (${sum(r.rounds, "timeouts")})`,
    ]),
  );
}

export function memoryTable(rows: Memory[]): string {
  return table(
    ["Server process", "Idle RSS (MiB)", "Peak RSS under load (MiB, sampled)", "VmHWM (MiB)"],
    rows.map((r) => [r.name, round(r.idleRssMiB, 1), round(r.peakRssUnderLoadMiB, 1), round(r.vmHwmMiB, 1)]),
  );
}
