import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FakeOpenAI,
  type FakeStats,
  startFakeOpenAI,
} from "../../fixtures/fake-openai/server";
import { contentChunks, contentOf, readSse } from "./sse";

let fake: FakeOpenAI;
const firstTokenDelayMs = 60;

beforeAll(async () => {
  fake = await startFakeOpenAI({
    port: 0,
    defaultScenario: "benchStream",
    slowMs: 20,
    benchStream: { firstTokenDelayMs, deltaCount: 7, deltaMs: 2 },
  });
});
afterAll(() => fake.close());

function streamChat(text: string) {
  return fetch(`${fake.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "fake-model",
      stream: true,
      messages: [{ role: "user", content: text }],
    }),
  });
}

async function controlStats(): Promise<FakeStats> {
  return (await fetch(fake.url.replace("/v1", "/__control/stats"))).json();
}

/** Waits until the server has seen every response close (its counters update on "close"). */
async function settledStats(): Promise<FakeStats> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const stats = await controlStats();
    if (stats.inFlight === 0) return stats;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return controlStats();
}

const minus = (after: FakeStats, before: FakeStats) => ({
  received: after.received - before.received,
  rejected: after.rejected - before.rejected,
  answered: after.answered - before.answered,
  finished: after.finished - before.finished,
  aborted: after.aborted - before.aborted,
});

describe("[FAKE-OPENAI]: benchStream and stats", () => {
  it("benchStream waits the first-token delay, then sends exactly deltaCount one-word deltas", async () => {
    const sent = performance.now();
    let firstDeltaAt = 0;
    const { chunks, isDone } = await readSse(await streamChat("hi"), {
      onChunk: (chunk) => {
        if (!firstDeltaAt && chunk.choices[0]?.delta.content) firstDeltaAt = performance.now();
      },
    });
    expect(isDone).toBe(true);
    expect(firstDeltaAt - sent).toBeGreaterThanOrEqual(firstTokenDelayMs * 0.9);
    expect(contentChunks(chunks)).toHaveLength(7);
    expect(contentOf(chunks).trim().split(" ")).toHaveLength(7);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("counts finished, aborted and rejected completions, in process and over HTTP", async () => {
    const before = await settledStats();
    await readSse(await streamChat("one"));
    await readSse(await streamChat("two"));
    // Hanging up after the role delta, before the first word (60 ms later).
    await readSse(await streamChat("three"), { stopAfter: 1 });
    const limited = await streamChat("[[scenario:rateLimited]]");
    expect(limited.status).toBe(429);
    await limited.body?.cancel();
    const badJson = await fetch(`${fake.url}/chat/completions`, { method: "POST", body: "{" });
    expect(badJson.status).toBe(400);
    await fetch(`${fake.url}/models`);

    const after = await settledStats();
    expect(minus(after, before)).toEqual({
      received: 5,
      rejected: 2,
      answered: 3,
      finished: 2,
      aborted: 1,
    });
    expect(after.inFlight).toBe(0);
    expect(fake.stats()).toEqual(after);
  });

  it("reports a stream in flight while it is being sent, and reset() keeps the counts", async () => {
    const before = await settledStats();
    const response = await streamChat("[[scenario:slowStream]]");
    const during = await controlStats();
    expect(during.answered - before.answered).toBe(1);
    expect(during.inFlight).toBe(1);
    fake.reset();
    expect(fake.stats().answered).toBe(during.answered);
    const { isDone } = await readSse(response);
    expect(isDone).toBe(true);
    expect((await settledStats()).finished - before.finished).toBe(1);
  });

  it("POST /__control/scenario can set slowStream's pace until reset", async () => {
    const control = (body: unknown) =>
      fetch(fake.url.replace("/v1", "/__control/scenario"), {
        method: "POST",
        body: JSON.stringify(body),
      });
    expect((await control({ scenario: "slowStream", slowMs: -1 })).status).toBe(400);
    const set = await control({ scenario: "slowStream", slowMs: 1 });
    expect(await set.json()).toMatchObject({ defaultScenario: "slowStream", slowMs: 1 });
    let started = performance.now();
    expect(contentChunks((await readSse(await streamChat("fast"))).chunks)).toHaveLength(60);
    expect(performance.now() - started).toBeLessThan(59 * 20);

    fake.reset();
    started = performance.now();
    await readSse(await streamChat("[[scenario:slowStream]]"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(59 * 20 * 0.9);
  });
});
