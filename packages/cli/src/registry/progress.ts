import cliProgress from "cli-progress";

export interface ImportProgress {
  /** `done` documents stored; `bytes` of the input consumed (of `totalBytes`, when known). */
  update(done: number, bytes: number): void;
  stop(): void;
}

const rate = (done: number, since: number) => Math.round(done / Math.max(0.001, (performance.now() - since) / 1000));

/**
 * A progress bar on stderr when it is a terminal: the share of the input read (a file's size is
 * known; stdin's is not, so only counts are shown), systems stored and the rate. When stderr is
 * not a terminal (a log file, a benchmark), one plain line every `plainEveryMs`.
 */
export function importProgress(totalBytes: number | undefined, plainEveryMs = 10_000): ImportProgress {
  const started = performance.now();
  if (!process.stderr.isTTY) {
    let last = started;
    return {
      update(done) {
        const now = performance.now();
        if (now - last < plainEveryMs) return;
        last = now;
        process.stderr.write(`registry import: ${done} systems stored (${rate(done, started)}/s)\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format:
        totalBytes === undefined
          ? "Importing {systems} systems | {rate}/s"
          : "Importing [{bar}] {percentage}% | {systems} systems | {rate}/s | ETA {eta_formatted}",
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes ?? 0, 0, { systems: 0, rate: 0 });
  return {
    update(done, bytes) {
      bar.update(totalBytes === undefined ? 0 : Math.min(bytes, totalBytes), {
        systems: done,
        rate: rate(done, started),
      });
    },
    stop() {
      bar.stop();
    },
  };
}
