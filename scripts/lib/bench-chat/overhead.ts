import { type Percentiles, percentiles } from "../bench-store/stats";
import { chatTurn, directCompletion } from "./http-client";
import type { UserPool } from "./sessions";
import { WARMUP_PAIRS } from "./settings";

export type OverheadResult = {
  pairs: number;
  warmupPairs: number;
  direct: Percentiles;
  atelier: Percentiles;
  /** Per pair: Atelier's TTFT − the direct TTFT measured just before it. */
  difference: Percentiles;
  failures: { direct: number; atelier: number; samples: string[] };
  /** Raw TTFTs (ms) of the measured pairs, in order: [direct, atelier]. */
  raw: [number, number][];
  /** Requests sent straight to the upstream (not Atelier's answers). */
  directRequests: number;
};

/**
 * Sequential pairs: the same kind of answer straight from the upstream, then a new chat through
 * Atelier. Interleaving makes slow drifts of the machine (other jobs, GC, thermal) hit both sides
 * alike; the per-pair difference is Atelier's added time to first token.
 */
export async function measureOverhead(options: {
  appUrl: string;
  fakeUrl: string;
  gptId: string;
  system: string;
  pairs: number;
  users: UserPool;
  onProgress?: (done: number, total: number) => void;
}): Promise<OverheadResult> {
  const total = WARMUP_PAIRS + options.pairs;
  const cookies = await options.users.take(total);
  const raw: [number, number][] = [];
  const failures = { direct: 0, atelier: 0, samples: [] as string[] };
  for (let index = 0; index < total; index++) {
    const text = `Please tighten this sentence, number ${index}: the meeting was held by us on Monday.`;
    const direct = await directCompletion({
      fakeUrl: options.fakeUrl,
      system: options.system,
      text,
    });
    const atelier = await chatTurn({
      appUrl: options.appUrl,
      cookie: cookies[index],
      gptId: options.gptId,
      text,
    });
    const isDirectOk = direct.status === 200 && direct.isFinished && direct.ttftMs !== null;
    const isAtelierOk = atelier.status === 200 && atelier.isFinished && atelier.ttftMs !== null;
    if (!isDirectOk) failures.direct += 1;
    if (!isAtelierOk) {
      failures.atelier += 1;
      if (failures.samples.length < 5) {
        failures.samples.push(atelier.error ?? `HTTP ${atelier.status}, no finish`);
      }
    }
    if (index >= WARMUP_PAIRS && isDirectOk && isAtelierOk) {
      raw.push([direct.ttftMs!, atelier.ttftMs!]);
    }
    if ((index + 1) % 50 === 0) options.onProgress?.(index + 1, total);
  }
  return {
    pairs: raw.length,
    warmupPairs: WARMUP_PAIRS,
    direct: percentiles(raw.map(([direct]) => direct)),
    atelier: percentiles(raw.map(([, atelier]) => atelier)),
    difference: percentiles(raw.map(([direct, atelier]) => atelier - direct)),
    failures,
    raw,
    directRequests: total,
  };
}
