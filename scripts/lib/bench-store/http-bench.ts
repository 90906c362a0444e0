import { createRequire } from "node:module";
import { type Percentiles, percentiles } from "./stats";

/** The slice of autocannon's programmatic API used here (it ships no TypeScript types). */
type AutocannonClient = NodeJS.EventEmitter & {
  pipelinedRequests?: { peek?: () => { startTime?: [number, number] } | undefined };
};
type AutocannonResult = {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
};
type AutocannonInstance = NodeJS.EventEmitter;
type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    setupClient?: (client: AutocannonClient) => void;
  },
  callback: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export type PageTarget = { name: string; path: string };

export type PageResult = PageTarget & {
  status: number;
  requestsPerSecond: number;
  requests: number;
  /** Request written → response headers parsed: the time to first byte. */
  ttfb: Percentiles;
  /** Request written → last byte of the body (autocannon's own "latency"). */
  full: Percentiles;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Why these numbers do not count (a page that failed, or any failed request); null when valid. */
  voidReason: string | null;
};

function run(url: string, connections: number, duration: number) {
  const ttfb: number[] = [];
  const full: number[] = [];
  return new Promise<{ result: AutocannonResult; ttfb: number[]; full: number[] }>(
    (resolve, reject) => {
      const instance = autocannon(
        {
          url,
          connections,
          duration,
          setupClient: (client) => {
            client.on("headers", () => {
              const started = client.pipelinedRequests?.peek?.()?.startTime;
              if (!started) return;
              const [seconds, nanos] = process.hrtime(started);
              ttfb.push(seconds * 1e3 + nanos / 1e6);
            });
          },
        },
        (error, result) => (error ? reject(error) : resolve({ result, ttfb, full })),
      );
      instance.on("response", (_client: unknown, _status: number, _bytes: number, time: number) =>
        full.push(time),
      );
    },
  );
}

/**
 * Loads one page with `connections` concurrent clients for `duration` seconds after a `warmup`
 * (discarded). A page that does not answer 200 to a first plain GET is not loaded at all.
 */
export async function benchPage(
  baseUrl: string,
  target: PageTarget,
  { connections, duration, warmup }: { connections: number; duration: number; warmup: number },
): Promise<PageResult> {
  const url = `${baseUrl}${target.path}`;
  const empty = { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const probe = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(60_000) });
  await probe.arrayBuffer();
  if (probe.status !== 200) {
    return {
      ...target,
      status: probe.status,
      requestsPerSecond: 0,
      requests: 0,
      ttfb: empty,
      full: empty,
      non2xx: 1,
      errors: 0,
      timeouts: 0,
      voidReason: `a plain GET answered ${probe.status}, not 200: page missing or broken, not loaded`,
    };
  }
  if (warmup > 0) await run(url, connections, warmup);
  const { result, ttfb, full } = await run(url, connections, duration);
  const failures = result.non2xx + result.errors + result.timeouts;
  const codes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(", ");
  return {
    ...target,
    status: probe.status,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    ttfb: percentiles(ttfb),
    full: percentiles(full),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    voidReason:
      failures > 0
        ? `${result.non2xx} non-2xx (${codes}), ${result.errors} errors, ${result.timeouts} timeouts`
        : null,
  };
}
