import cliProgress from "cli-progress";

/** A progress bar on stderr (stdout stays clean for --json and data); silent when stderr is not a terminal. */
export function progressBar(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: "{table} [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let current = "";
  return {
    update(e: { table: string; done: number; total: number }) {
      if (!started) {
        bar.start(e.total, e.done, { table: e.table });
        started = true;
      }
      if (e.table !== current) {
        current = e.table;
        bar.setTotal(e.total);
      }
      bar.update(e.done, { table: e.table });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
