import { chatTurn, directCompletion, type StreamResult } from "../bench-chat/http-client";
import type { UserPool } from "../bench-chat/sessions";
import { WARMUP_PAIRS } from "../bench-chat/settings";
import { type Percentiles, percentiles } from "../bench-store/stats";
import { apiCompletion, type KeyPool } from "./api-client";

export type TripleResult = {
  triples: number;
  warmupTriples: number;
  direct: Percentiles;
  store: Percentiles;
  api: Percentiles;
  /** Per triple: the API's TTFT − the direct one, − the store chat's; the store chat's − direct. */
  apiMinusDirect: Percentiles;
  apiMinusStore: Percentiles;
  storeMinusDirect: Percentiles;
  failures: { direct: number; store: number; api: number; samples: string[] };
  /** Raw TTFTs (ms) of the measured triples, in order: [direct, store, api]. */
  raw: [number, number, number][];
  /** Upstream requests that were not API answers: the direct ones and the store chats'. */
  nonApiUpstreamRequests: number;
};

const isOk = (result: StreamResult) =>
  result.status === 200 && result.isFinished && result.error === null && result.ttftMs !== null;

/**
 * Sequential triples: the answer straight from the upstream, then a new store chat (POST /api/chat)
 * and a stateless streamed completion (POST /api/v1/chat/completions), each from its own user,
 * the two in turn first so that neither always follows the other's leftover work (finalising the
 * answer after its stream ended). Interleaving makes slow drifts of the machine hit all three alike.
 */
export async function measureTriples(options: {
  appUrl: string;
  fakeUrl: string;
  gptId: string;
  model: string;
  system: string;
  triples: number;
  users: UserPool;
  keys: KeyPool;
  onProgress?: (done: number, total: number) => void;
}): Promise<TripleResult> {
  const total = WARMUP_PAIRS + options.triples;
  const cookies = await options.users.take(total);
  const keys = options.keys.take(total);
  const raw: [number, number, number][] = [];
  const failures = { direct: 0, store: 0, api: 0, samples: [] as string[] };
  let storeUpstream = 0;
  const note = (side: "store" | "api", result: StreamResult) => {
    if (isOk(result)) return;
    failures[side] += 1;
    if (failures.samples.length < 5) {
      failures.samples.push(`${side}: ${result.error ?? `HTTP ${result.status}, no finish`}`);
    }
  };
  for (let index = 0; index < total; index++) {
    const text = `Please tighten this sentence, number ${index}: the meeting was held by us on Monday.`;
    const direct = await directCompletion({
      fakeUrl: options.fakeUrl,
      system: options.system,
      text,
    });
    const store = () =>
      chatTurn({ appUrl: options.appUrl, cookie: cookies[index], gptId: options.gptId, text });
    const api = () =>
      apiCompletion({ appUrl: options.appUrl, key: keys[index], model: options.model, text });
    let storeResult: StreamResult;
    let apiResult: StreamResult;
    if (index % 2 === 0) {
      storeResult = await store();
      apiResult = await api();
    } else {
      apiResult = await api();
      storeResult = await store();
    }
    if (!isOk(direct)) failures.direct += 1;
    note("store", storeResult);
    note("api", apiResult);
    // A store chat answered 200 has started its answer upstream (the write-ahead comes first).
    if (storeResult.status === 200) storeUpstream += 1;
    if (index >= WARMUP_PAIRS && isOk(direct) && isOk(storeResult) && isOk(apiResult)) {
      raw.push([direct.ttftMs!, storeResult.ttftMs!, apiResult.ttftMs!]);
    }
    if ((index + 1) % 20 === 0) options.onProgress?.(index + 1, total);
  }
  const column = (pick: (triple: [number, number, number]) => number) => percentiles(raw.map(pick));
  return {
    triples: raw.length,
    warmupTriples: WARMUP_PAIRS,
    direct: column(([direct]) => direct),
    store: column(([, store]) => store),
    api: column(([, , api]) => api),
    apiMinusDirect: column(([direct, , api]) => api - direct),
    apiMinusStore: column(([, store, api]) => api - store),
    storeMinusDirect: column(([direct, store]) => store - direct),
    failures,
    raw,
    nonApiUpstreamRequests: total + storeUpstream,
  };
}
