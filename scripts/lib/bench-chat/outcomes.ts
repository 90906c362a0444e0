import { type Percentiles, percentiles } from "../bench-store/stats";
import type { StreamResult } from "./http-client";

/** How a batch of chat requests ended, by the classes the report prints. */
export type Outcomes = {
  requests: number;
  /** HTTP 200 and the stream reached its finish event without an error event. */
  ok: number;
  status429: number;
  status429WithRetryAfter: number;
  status503: number;
  status503WithRetryAfter: number;
  /** Other 5xx statuses. */
  status5xx: number;
  /** Other statuses, network errors, 200s that ended without finish or with an error event. */
  other: number;
  /** A few distinct error texts, with how often each occurred. */
  errorSamples: { text: string; count: number }[];
  ttftOk: Percentiles;
  ttftOkRaw: number[];
};

/** Digits and ids vary per request; folding them groups the same error together. */
function errorKey(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<uuid>")
    .replace(/\d+/g, "N")
    .slice(0, 200);
}

export function classify(results: StreamResult[]): Outcomes {
  const outcomes: Omit<Outcomes, "ttftOk" | "ttftOkRaw" | "errorSamples"> = {
    requests: results.length,
    ok: 0,
    status429: 0,
    status429WithRetryAfter: 0,
    status503: 0,
    status503WithRetryAfter: 0,
    status5xx: 0,
    other: 0,
  };
  const ttftOkRaw: number[] = [];
  const errors = new Map<string, { text: string; count: number }>();
  for (const result of results) {
    const isOk = result.status === 200 && result.isFinished && result.error === null;
    if (isOk && result.ttftMs !== null) ttftOkRaw.push(result.ttftMs);
    if (isOk) outcomes.ok += 1;
    else if (result.status === 429) {
      outcomes.status429 += 1;
      if (result.retryAfter) outcomes.status429WithRetryAfter += 1;
    } else if (result.status === 503) {
      outcomes.status503 += 1;
      if (result.retryAfter) outcomes.status503WithRetryAfter += 1;
    } else if (result.status >= 500) outcomes.status5xx += 1;
    else outcomes.other += 1;
    if (!isOk) {
      const text =
        result.error ??
        (result.status === 200 ? "200 but no finish event" : `HTTP ${result.status}`);
      const key = errorKey(text);
      const entry = errors.get(key) ?? { text, count: 0 };
      entry.count += 1;
      errors.set(key, entry);
    }
  }
  return {
    ...outcomes,
    errorSamples: [...errors.values()].sort((a, b) => b.count - a.count).slice(0, 5),
    ttftOk: percentiles(ttftOkRaw),
    ttftOkRaw,
  };
}
