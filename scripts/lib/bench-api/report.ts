import type { StepResult } from "../bench-chat/ladder";
import { countsLine, fmtMs } from "../bench-chat/report";
import { GOALS } from "../bench-chat/settings";
import type { PhaseCounts } from "../bench-chat/target";
import type { Percentiles } from "../bench-store/stats";
import type { ApiPassResult } from "./pass";
import type { TripleResult } from "./triples";

const signedMs = (value: number) => `${value >= 0 ? "+" : ""}${fmtMs(value)}`;

export function printTriples(result: TripleResult, counts: PhaseCounts): void {
  const row = (name: string, p: Percentiles, signed = false) => {
    const f = signed ? signedMs : fmtMs;
    const cell = (value: number) => f(value).padStart(9);
    return `  ${name.padEnd(32)} p50 ${cell(p.p50)}  p95 ${cell(p.p95)}  p99 ${cell(p.p99)}  max ${cell(p.max)}`;
  };
  console.log(
    `\n(a) Overhead: ${result.triples} interleaved triples after ${result.warmupTriples} warm-up triples; time to first token (request written → first content delta)`,
  );
  console.log(row("direct to upstream", result.direct));
  console.log(row("store chat (POST /api/chat)", result.store));
  console.log(row("API (/api/v1/chat/completions)", result.api));
  console.log(row("API − direct, per triple", result.apiMinusDirect, true));
  console.log(row("API − store chat, per triple", result.apiMinusStore, true));
  console.log(row("store chat − direct, per triple", result.storeMinusDirect, true));
  const { failures } = result;
  if (failures.direct || failures.store || failures.api) {
    console.log(
      `  failures: direct ${failures.direct}, store ${failures.store}, API ${failures.api}: ${failures.samples.join(" | ")}`,
    );
  }
  console.log(
    `  channel API (upstream requests − direct − store chats answered): ${countsLine(counts)}`,
  );
}

/** "0.42× (within)" for a ceiling, "1.10× (met)" for a floor: printed, never asserted. */
function ratio(value: number | undefined, goal: number, kind: "ceiling" | "floor"): string {
  if (value === undefined || Number.isNaN(value)) return "n/a";
  const r = value / goal;
  if (kind === "ceiling") return `${r.toFixed(2)}× (${r <= 1 ? "within" : "OVER"})`;
  return `${r.toFixed(2)}× (${r >= 1 ? "met" : "SHORT"})`;
}

const row = (figure: string, measured: string, reference: string, verdict: string) =>
  console.log(`  ${figure.padEnd(46)}${measured.padEnd(34)}${reference.padEnd(30)}${verdict}`);

function stepRows(step: StepResult, isPostgres: boolean): void {
  const o = step.outcomes;
  row(
    `${step.concurrency} at once: 2xx ok/429/503/5xx/other`,
    `${o.ok}/${o.status429}/${o.status503}/${o.status5xx}/${o.other}`,
    "",
    "",
  );
  row(
    `${step.concurrency} at once: TTFT p50 / p99`,
    `${fmtMs(o.ttftOk.p50)} / ${fmtMs(o.ttftOk.p99)}`,
    `p99 ≤ ${fmtMs(GOALS.ttftP99Ms)}`,
    ratio(o.ttftOk.p99, GOALS.ttftP99Ms, "ceiling"),
  );
  row(
    `${step.concurrency} at once: completions/s`,
    step.turnsPerSecond.toFixed(1),
    isPostgres ? `≥ ${GOALS.turnsPerSecondPostgres}/s` : "(goal is for PostgreSQL)",
    isPostgres ? ratio(step.turnsPerSecond, GOALS.turnsPerSecondPostgres, "floor") : "",
  );
}

/**
 * Figures of one pass, with ratios to the store chat measured alongside and to bench:chat's goals
 * for the store chat (the API runs on the same engine; issue 17 sets no figures of its own).
 */
export function printApiSummary(pass: ApiPassResult): void {
  const isPostgres = pass.short === "PostgreSQL";
  console.log(`\n━━━ Summary: ${pass.label}`);
  row("figure", "measured", "reference (bench:chat goal)", "ratio");
  if (pass.error) console.log(`  (the pass stopped early: ${pass.error.split("\n")[0]})`);
  const o = pass.overhead;
  if (o) {
    const p50Goal = isPostgres ? GOALS.overheadP50PostgresMs : GOALS.overheadP50EmbeddedMs;
    row(
      "TTFT p50: direct / store chat / API",
      `${fmtMs(o.direct.p50)} / ${fmtMs(o.store.p50)} / ${fmtMs(o.api.p50)}`,
      "",
      "",
    );
    row(
      "overhead p50: API − direct (store − direct)",
      `${signedMs(o.apiMinusDirect.p50)} (${signedMs(o.storeMinusDirect.p50)})`,
      `≤ ${p50Goal} ms`,
      ratio(o.apiMinusDirect.p50, p50Goal, "ceiling"),
    );
    row(
      "overhead p99: API − direct (store − direct)",
      `${signedMs(o.apiMinusDirect.p99)} (${signedMs(o.storeMinusDirect.p99)})`,
      isPostgres ? `≤ ${GOALS.overheadP99PostgresMs} ms` : "",
      isPostgres ? ratio(o.apiMinusDirect.p99, GOALS.overheadP99PostgresMs, "ceiling") : "",
    );
    row(
      "API − store chat per triple, p50 / p99",
      `${signedMs(o.apiMinusStore.p50)} / ${signedMs(o.apiMinusStore.p99)}`,
      "",
      o.storeMinusDirect.p50 > 0
        ? `API overhead p50 = ${(o.apiMinusDirect.p50 / o.storeMinusDirect.p50).toFixed(2)}× the store chat's`
        : "",
    );
  }
  for (const step of pass.steps) stepRows(step, isPostgres);
  const phases = [
    ...(o ? [{ name: "overhead", counts: o.counts }] : []),
    ...pass.steps.map((step) => ({ name: `${step.concurrency} at once`, counts: step.counts })),
  ];
  const unequal = phases.filter((phase) => !phase.counts.isEqual);
  row(
    "answers started = saved = usage (channel API)",
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
