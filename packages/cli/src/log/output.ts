/** Printing for the log commands: people get ✓/✗ lines, scripts get JSON on stdout. */
import type { ReceiptVerification, StepResult } from "./receipt.js";

export interface Out {
  json: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function processOut(json: boolean): Out {
  return {
    json,
    stdout: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    stderr: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
  };
}

/** JSON (one object, pretty unless `line`) or the human text, on stdout. */
export function emit(out: Out, human: string, data: unknown, line = false): void {
  if (out.json) out.stdout(JSON.stringify(data, null, line ? undefined : 2));
  else out.stdout(human);
}

const MARK: Record<StepResult["status"], string> = { ok: "\u2713", failed: "\u2717", skipped: "-" };

export function formatSteps(steps: readonly StepResult[]): string {
  return steps
    .map((s) => {
      const code = s.code ? ` [${s.code}]` : "";
      const detail = s.detail ? `: ${s.detail}` : s.status === "skipped" ? " (not checked)" : "";
      return `  ${MARK[s.status]} ${s.title}${code}${detail}`;
    })
    .join("\n");
}

export const TRUST_NOTE =
  "Note: without --key this only shows that the key the receipt itself carries signed it. " +
  "Pin the log's key, obtained independently (e.g. from the secretariat), with --key <verifier key>.";

export function formatVerification(label: string, v: ReceiptVerification): string {
  const head = v.entry
    ? `Receipt ${label}: entry ${v.entry.index} (${v.entry.recordType}) of log ${v.entry.origin}`
    : `Receipt ${label}`;
  const verdict = v.ok
    ? `VERIFIED: the record is entry ${v.entry!.index} of the tree of ${v.entry!.treeSize} signed by the log${v.trust === "pinned" ? " (pinned key)" : ""}.`
    : `VERIFICATION FAILED at step "${v.steps.find((s) => s.status === "failed")?.title ?? v.failure!.step}" [${v.failure!.code}]: ${v.failure!.message}`;
  return [head, formatSteps(v.steps), verdict, ...(v.trust === "receipt" ? [TRUST_NOTE] : [])].join("\n");
}

export function alarmText(what: string, code: string, message: string, step?: string): string {
  const bar = "!".repeat(72);
  return [bar, `ALARM (${what}): [${code}]${step ? ` at ${step}` : ""}`, message, bar].join("\n");
}
