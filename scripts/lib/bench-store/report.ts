import type { PageResult } from "./http-bench";
import type { PageDataResult } from "./page-data-bench";
import type { SearchBenchResult } from "./search-bench";
import type { SeedSummary } from "./seed";
import { ms } from "./stats";

export const GOAL_SEARCH_P95_MS = 100;
export const GOAL_PAGE_P95_MS = 200;

export type PassResult = {
  short: string;
  label: string;
  seed: SeedSummary;
  search: SearchBenchResult;
  pages: PageResult[] | null;
  httpError?: string;
};

const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);
const count = (value: number) => value.toLocaleString("en-US");

/** "0.42× goal (within)" / "1.30× goal (OVER)": measured over goal, printed, never asserted. */
export function againstGoal(value: number, goal: number): string {
  if (Number.isNaN(value)) return "n/a";
  const ratio = value / goal;
  return `${ratio.toFixed(2)}× goal (${ratio <= 1 ? "within" : "OVER"})`;
}

export function printSeed(seed: SeedSummary): void {
  console.log(
    `Seeded ${count(seed.listed)} listed GPTs (+${count(seed.gpts - seed.listed)} private, link-only, draft, unlisted, removed or deleted), ` +
      `${count(seed.creators)} creators, ${count(seed.users)} users, ${count(seed.conversations)} conversations, ` +
      `${count(seed.reviews)} reviews in ${seed.seconds.toFixed(1)} s.`,
  );
}

export function printSearch(search: SearchBenchResult): void {
  const { p50, p95, p99, max } = search.latency;
  console.log(
    `Search server time (searchGpts in-process, ${count(search.samples)} calls): ` +
      `p50 ${ms(p50)}  p95 ${ms(p95)}  p99 ${ms(p99)}  max ${ms(max)}  → p95 ${againstGoal(p95, GOAL_SEARCH_P95_MS)} of ${GOAL_SEARCH_P95_MS} ms`,
  );
  console.log(`  Slowest: ${search.slowest.map((q) => `${q.label} ${ms(q.ms)}`).join("; ")}`);
  console.log(
    `  Queries with no result: ${search.emptyQueries.length ? search.emptyQueries.join("; ") : "none"}`,
  );
}

export function printPageData(results: PageDataResult[]): void {
  const parts = results.map((result) =>
    result.latency
      ? `${result.name} p50 ${ms(result.latency.p50)} p95 ${ms(result.latency.p95)}`
      : `${result.name}: ${result.note}`,
  );
  console.log(
    `Page data in-process (queries + mapping, no rendering, 20 calls each): ${parts.join("; ")}`,
  );
}

export function printPages(pages: PageResult[], settings: string): void {
  console.log(`HTTP, ${settings}:`);
  console.log(
    `  ${pad("page", 34)}${lpad("req/s", 8)}${lpad("TTFB p50", 11)}${lpad("p95", 9)}${lpad("p99", 9)}` +
      `${lpad("full p50", 11)}${lpad("p95", 9)}${lpad("p99", 9)}${lpad("non-2xx", 9)}  TTFB p95 vs ${GOAL_PAGE_P95_MS} ms`,
  );
  for (const page of pages) {
    console.log(
      `  ${pad(`${page.name} ${page.path}`.slice(0, 33), 34)}${lpad(page.requestsPerSecond.toFixed(1), 8)}` +
        `${lpad(ms(page.ttfb.p50), 11)}${lpad(ms(page.ttfb.p95), 9)}${lpad(ms(page.ttfb.p99), 9)}` +
        `${lpad(ms(page.full.p50), 11)}${lpad(ms(page.full.p95), 9)}${lpad(ms(page.full.p99), 9)}` +
        `${lpad(String(page.non2xx + page.errors + page.timeouts), 9)}  ${againstGoal(page.ttfb.p95, GOAL_PAGE_P95_MS)}`,
    );
  }
  for (const page of pages) {
    if (!page.voidReason) continue;
    console.log(`\n  !!!!! ${page.name} (${page.path}): NUMBERS VOID: ${page.voidReason} !!!!!`);
  }
}

/** Both databases side by side, with PGlite / PostgreSQL ratios. */
export function printComparison(passes: PassResult[]): void {
  const [a, b] = passes;
  if (!a || !b) return;
  console.log(`\n=== ${a.short} vs ${b.short} ===`);
  const rows: [string, number, number][] = [
    ["search p50", a.search.latency.p50, b.search.latency.p50],
    ["search p95", a.search.latency.p95, b.search.latency.p95],
    ["search p99", a.search.latency.p99, b.search.latency.p99],
  ];
  for (const page of a.pages ?? []) {
    const other = b.pages?.find((candidate) => candidate.name === page.name);
    if (!other) continue;
    rows.push([`${page.name} TTFB p95`, page.ttfb.p95, other.ttfb.p95]);
    rows.push([`${page.name} full p95`, page.full.p95, other.full.p95]);
    rows.push([`${page.name} req/s`, page.requestsPerSecond, other.requestsPerSecond]);
  }
  console.log(
    `  ${pad("metric", 28)}${lpad(a.short, 12)}${lpad(b.short, 12)}${lpad(`${a.short}/${b.short}`, 20)}`,
  );
  for (const [metric, left, right] of rows) {
    const isRate = metric.endsWith("req/s");
    const show = (value: number) => (isRate ? value.toFixed(1) : ms(value));
    const ratio = right > 0 && !Number.isNaN(left) ? `${(left / right).toFixed(2)}×` : "n/a";
    console.log(
      `  ${pad(metric, 28)}${lpad(show(left), 12)}${lpad(show(right), 12)}${lpad(ratio, 20)}`,
    );
  }
}
