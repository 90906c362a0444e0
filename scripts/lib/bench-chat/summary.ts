import type { StepResult } from "./ladder";
import type { PassResult } from "./pass";
import { fmtMs } from "./report";
import { GOALS } from "./settings";

/** "0.42× goal (within)" for a ceiling, "1.10× goal (met)" for a floor: printed, never asserted. */
function ceiling(value: number | undefined, goal: number): string {
  if (value === undefined || Number.isNaN(value)) return "n/a";
  const ratio = value / goal;
  return `${ratio.toFixed(2)}× goal (${ratio <= 1 ? "within" : "OVER"})`;
}

function floor(value: number | undefined, goal: number): string {
  if (value === undefined || Number.isNaN(value)) return "n/a";
  const ratio = value / goal;
  return `${ratio.toFixed(2)}× goal (${ratio >= 1 ? "met" : "SHORT"})`;
}

function allSucceed(step: StepResult): boolean {
  const o = step.outcomes;
  return (
    o.status5xx === 0 &&
    o.other === 0 &&
    o.status429 === o.status429WithRetryAfter &&
    o.status503 === o.status503WithRetryAfter
  );
}

const row = (figure: string, measured: string, goal: string, verdict: string) =>
  console.log(`  ${figure.padEnd(48)}${measured.padEnd(30)}${goal.padEnd(22)}${verdict}`);

function stepRows(label: string, step: StepResult | undefined, isPostgres: boolean): void {
  if (!step) {
    row(`${label}: ${GOALS.ladderStep} at once`, `n/a (not in BENCH_CHAT_STEPS)`, "", "");
    return;
  }
  const o = step.outcomes;
  row(
    `${label}: ${step.concurrency} at once, ok/429/503/5xx/other`,
    `${o.ok}/${o.status429}/${o.status503}/${o.status5xx}/${o.other}`,
    "all ok; 429/503 w/ RA",
    allSucceed(step) ? "met" : "NOT met",
  );
  row(
    `${label}: ${step.concurrency} at once, TTFT p99`,
    fmtMs(o.ttftOk.p99),
    `≤ ${fmtMs(GOALS.ttftP99Ms)}`,
    ceiling(o.ttftOk.p99, GOALS.ttftP99Ms),
  );
  row(
    `${label}: ${step.concurrency} at once, turns/s`,
    step.turnsPerSecond.toFixed(1),
    isPostgres ? `≥ ${GOALS.turnsPerSecondPostgres}/s per process` : "(goal is for PostgreSQL)",
    isPostgres ? floor(step.turnsPerSecond, GOALS.turnsPerSecondPostgres) : "",
  );
}

export function printSummary(pass: PassResult, appLabel: string): void {
  const isPostgres = pass.short === "PostgreSQL";
  console.log(`\n━━━ Summary: ${pass.label}\n    app: ${appLabel}`);
  row("figure", "measured", "goal", "");
  if (pass.error) console.log(`  (the pass stopped early: ${pass.error.split("\n")[0]})`);
  const overhead = pass.overhead;
  if (overhead) {
    const p50Goal = isPostgres ? GOALS.overheadP50PostgresMs : GOALS.overheadP50EmbeddedMs;
    row(
      "overhead TTFT p50 (Atelier − direct, per pair)",
      `${fmtMs(overhead.difference.p50)} (direct ${fmtMs(overhead.direct.p50)})`,
      `≤ ${p50Goal} ms`,
      ceiling(overhead.difference.p50, p50Goal),
    );
    row(
      "overhead TTFT p99",
      `${fmtMs(overhead.difference.p99)} (direct ${fmtMs(overhead.direct.p99)})`,
      isPostgres ? `≤ ${GOALS.overheadP99PostgresMs} ms` : "",
      isPostgres ? ceiling(overhead.difference.p99, GOALS.overheadP99PostgresMs) : "",
    );
  }
  const at = (steps: StepResult[]) => steps.find((step) => step.concurrency === GOALS.ladderStep);
  stepRows("quiet", at(pass.quiet), isPostgres);
  if (pass.loaded.length) stepRows("loaded", at(pass.loaded), isPostgres);
  const best = [...pass.quiet].sort((a, b) => b.turnsPerSecond - a.turnsPerSecond)[0];
  if (best) {
    row(
      "best turns/s on the quiet ladder",
      `${best.turnsPerSecond.toFixed(1)} at ${best.concurrency} at once`,
      "",
      "",
    );
  }
  for (const step of [...pass.quiet, ...pass.loaded]) {
    if (step.concurrency === GOALS.ladderStep) continue;
    const o = step.outcomes;
    row(
      `${step.isLoaded ? "loaded" : "quiet"} ${step.concurrency}: ok/429/503/5xx/other, p99`,
      `${o.ok}/${o.status429}/${o.status503}/${o.status5xx}/${o.other}, ${fmtMs(o.ttftOk.p99)}`,
      "",
      "",
    );
  }
  if (pass.memory) {
    const memory = pass.memory;
    row(
      "memory per open stream",
      memory.mbPerOpenStream === null ? "n/a" : `${memory.mbPerOpenStream.toFixed(3)} MB`,
      "",
      `${memory.peakOpen} open, RSS ${memory.rssBeforeMb.toFixed(0)} → ${memory.rssAtPeakOpenMb.toFixed(0)} MB`,
    );
  }
  const phases = [
    ...(overhead ? [{ name: "overhead", counts: overhead.counts }] : []),
    ...[...pass.quiet, ...pass.loaded].map((step) => ({
      name: `${step.isLoaded ? "loaded" : "quiet"} ${step.concurrency}`,
      counts: step.counts,
    })),
    ...(pass.memory ? [{ name: "memory", counts: pass.memory.counts }] : []),
  ];
  const unequal = phases.filter((phase) => !phase.counts.isEqual);
  row(
    "answers started = saved = usage events",
    unequal.length === 0
      ? `✔ in all ${phases.length} phases`
      : `✘ in ${unequal.length} of ${phases.length}`,
    "equal",
    unequal
      .map(
        (phase) =>
          `${phase.name}: ${phase.counts.answersStarted}/${phase.counts.rows.saved}/${phase.counts.rows.usageEvents}`,
      )
      .join("; "),
  );
  row("load average start → end", `${pass.loadAverageStart} → ${pass.loadAverageEnd}`, "", "");
}
