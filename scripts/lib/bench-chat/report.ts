import type { RowCounts } from "./bench-sql";
import type { StepResult } from "./ladder";
import type { LogFinding } from "./log-scan";
import type { MemoryResult } from "./memory";
import type { Outcomes } from "./outcomes";
import type { OverheadResult } from "./overhead";
import type { PhaseCounts } from "./target";

export const fmtMs = (value: number | undefined | null): string => {
  if (value === undefined || value === null || Number.isNaN(value)) return "-";
  if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value.toFixed(Math.abs(value) < 10 ? 1 : 0)} ms`;
};
const signedMs = (value: number) => `${value >= 0 ? "+" : ""}${fmtMs(value)}`;
const mb = (value: number) => `${value.toFixed(0)} MB`;
const pad = (text: string | number, width: number) => String(text).padStart(width);

function statusSummary(rows: RowCounts): string {
  const parts = Object.entries(rows.assistantByStatus).map(([status, n]) => `${status} ${n}`);
  return parts.length ? parts.join(", ") : "none";
}

/** "started 200 · saved 200 · usage 200 ✔" plus what explains a mismatch. */
export function countsLine(counts: PhaseCounts): string {
  const { rows } = counts;
  const mark = counts.isEqual ? "✔" : "✘";
  const extras = [
    `user msgs ${rows.userMessages}`,
    `assistant by status: ${statusSummary(rows)}`,
    rows.streaming ? `STREAMING now ${rows.streaming}` : null,
    counts.warmupTurns ? `incl. ${counts.warmupTurns} warm-up turns after the restart` : null,
    counts.isQuiet
      ? `settled in ${fmtMs(counts.settleMs)}`
      : `NOT settled after ${fmtMs(counts.settleMs)}`,
    counts.note,
  ].filter(Boolean);
  return `answers started ${counts.answersStarted} · assistant messages saved ${rows.saved} · usage events ${rows.usageEvents} ${mark}  (${extras.join("; ")})`;
}

export function printOverhead(result: OverheadResult, counts: PhaseCounts): void {
  const row = (name: string, p: OverheadResult["direct"], signed = false) => {
    const f = signed ? signedMs : fmtMs;
    return `  ${name.padEnd(22)} p50 ${pad(f(p.p50), 9)}  p95 ${pad(f(p.p95), 9)}  p99 ${pad(f(p.p99), 9)}  max ${pad(f(p.max), 9)}`;
  };
  console.log(
    `\n(a) Overhead: ${result.pairs} interleaved pairs after ${result.warmupPairs} warm-up pairs; time to first token (request sent → first text delta)`,
  );
  console.log(row("direct to upstream", result.direct));
  console.log(row("through Atelier", result.atelier));
  console.log(row("difference per pair", result.difference, true));
  if (result.failures.direct || result.failures.atelier) {
    console.log(
      `  failures: direct ${result.failures.direct}, Atelier ${result.failures.atelier}: ${result.failures.samples.join(" | ")}`,
    );
  }
  console.log(`  ${countsLine(counts)}`);
}

export const STEP_HEADER = `  ${"load".padEnd(6)}${pad("N", 5)}${pad("ok", 6)}${pad("429(RA)", 10)}${pad("503(RA)", 10)}${pad("5xx", 6)}${pad("other", 7)}${pad("TTFT p50", 10)}${pad("TTFT p99", 10)}${pad("turns/s", 9)}${pad("wall", 9)}${pad("RSS after", 11)}${pad("peak", 9)}${pad("srv CPU/req", 13)}${pad("srv CPU", 9)}`;

const withRa = (n: number, withHeader: number) => (n ? `${n}(${withHeader})` : "0");

export function errorLines(outcomes: Outcomes): string[] {
  return outcomes.errorSamples.map(
    (sample) => `      ${sample.count}× ${sample.text.slice(0, 220)}`,
  );
}

export function printStep(step: StepResult): void {
  const o = step.outcomes;
  console.log(
    `  ${(step.isLoaded ? "loaded" : "quiet").padEnd(6)}${pad(step.concurrency, 5)}${pad(o.ok, 6)}${pad(withRa(o.status429, o.status429WithRetryAfter), 10)}${pad(withRa(o.status503, o.status503WithRetryAfter), 10)}${pad(o.status5xx, 6)}${pad(o.other, 7)}${pad(fmtMs(o.ttftOk.p50), 10)}${pad(fmtMs(o.ttftOk.p99), 10)}${pad(step.turnsPerSecond.toFixed(1), 9)}${pad(fmtMs(step.wallMs), 9)}${pad(mb(step.rssAfterMb), 11)}${pad(mb(step.rssPeakMb), 9)}${pad(`${((step.serverCpuSeconds * 1000) / step.concurrency).toFixed(1)} ms`, 13)}${pad(`${Math.round((100 * step.serverCpuSeconds) / (step.wallMs / 1000))}%`, 9)}`,
  );
  for (const line of errorLines(o)) console.log(line);
  const tcp = tcpLine(step.tcp);
  if (tcp) console.log(`      ${tcp}`);
  console.log(`         ${countsLine(step.counts)}`);
}

function tcpLine(tcp: StepResult["tcp"]): string | null {
  if (!tcp.listenOverflows && !tcp.synRetransmits) return null;
  return `TCP (machine-wide): ${tcp.listenOverflows} accept-queue overflows, ${tcp.synRetransmits} SYN retransmits (a dropped connect is retried after 1 s, 3 s, ...)`;
}

export function printMemory(result: MemoryResult): void {
  const o = result.outcomes;
  console.log(
    `\n(c) Memory per open stream: ${result.streams} long answers at once (60 deltas ${result.deltaMs} ms apart, ~${((result.deltaMs * 59) / 1000).toFixed(0)} s each)`,
  );
  console.log(
    `  RSS before ${mb(result.rssBeforeMb)}, with ${result.peakOpen} streams open ${mb(result.rssAtPeakOpenMb)} (peak ${mb(result.rssPeakMb)}) → ${result.mbPerOpenStream === null ? "n/a" : `${result.mbPerOpenStream.toFixed(3)} MB per open stream`}`,
  );
  console.log(
    `  ok ${o.ok}/${o.requests}, 429 ${withRa(o.status429, o.status429WithRetryAfter)}, 503 ${withRa(o.status503, o.status503WithRetryAfter)}, 5xx ${o.status5xx}, other ${o.other}; TTFT p50 ${fmtMs(o.ttftOk.p50)} p99 ${fmtMs(o.ttftOk.p99)}; all ended after ${fmtMs(result.wallMs)}`,
  );
  for (const line of errorLines(o)) console.log(line);
  const tcp = tcpLine(result.tcp);
  if (tcp) console.log(`  ${tcp}`);
  console.log(`  ${countsLine(result.counts)}`);
}

export function printLogFindings(logFile: string, findings: LogFinding[]): void {
  console.log(`\nServer log: ${logFile}`);
  if (findings.length === 0) {
    console.log("  no error, timeout or transaction lines");
    return;
  }
  for (const finding of findings) {
    console.log(`  ${finding.lines} line(s): ${finding.pattern}`);
    for (const example of finding.examples) console.log(`      ${example}`);
  }
}
