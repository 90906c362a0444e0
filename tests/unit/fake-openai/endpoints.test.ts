import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";

let fake: FakeOpenAI;
let origin: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ port: 0 });
  origin = new URL(fake.url).origin;
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

type EmbeddingBody = {
  data: { index: number; embedding: number[] | string }[];
  usage: { prompt_tokens: number; total_tokens: number };
};

async function embed(body: Record<string, unknown>): Promise<EmbeddingBody> {
  const response = await fetch(`${fake.url}/embeddings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "fake-embedding", ...body }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as EmbeddingBody;
}

function vectors(body: EmbeddingBody): number[][] {
  return body.data.map((item) => item.embedding as number[]);
}

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0);

describe("[FAKE-OPENAI]: embeddings", () => {
  it("returns deterministic, L2-normalised 256-d vectors by default", async () => {
    const first = await embed({ input: "The cat sat on the mat" });
    const second = await embed({ input: "The cat sat on the mat" });
    const [vector] = vectors(first);
    expect(vector).toHaveLength(256);
    expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 10);
    expect(vectors(second)[0]).toEqual(vector);
    expect(first.usage.prompt_tokens).toBeGreaterThan(0);
    expect(first.usage.total_tokens).toBe(first.usage.prompt_tokens);
  });

  it("honours dimensions and array input, scoring shared words as more similar", async () => {
    const body = await embed({
      input: ["cats sit on mats", "a cat on a mat", "quantum chromodynamics lecture", ""],
      dimensions: 64,
    });
    expect(body.data.map((item) => item.index)).toEqual([0, 1, 2, 3]);
    const [query, related, unrelated, empty] = vectors(body);
    expect(query).toHaveLength(64);
    expect(dot(related, query)).toBeGreaterThan(dot(unrelated, query));
    expect(Math.sqrt(dot(empty, empty))).toBeCloseTo(1, 10);
  });

  it("encodes base64 float32 vectors when asked, as the official client does", async () => {
    const [floats] = vectors(await embed({ input: "hello world", dimensions: 8 }));
    const encoded = await embed({ input: "hello world", dimensions: 8, encoding_format: "base64" });
    const bytes = Buffer.from(encoded.data[0].embedding as string, "base64");
    // Copy first: a pooled Buffer's byteOffset need not be 4-byte aligned for Float32Array.
    const decoded = Array.from(new Float32Array(new Uint8Array(bytes).buffer));
    expect(decoded).toHaveLength(8);
    for (const [index, value] of decoded.entries()) expect(value).toBeCloseTo(floats[index], 6);
  });

  it("rejects invalid dimensions and missing input", async () => {
    for (const body of [{ input: "x", dimensions: 0 }, { input: "x", dimensions: 1.5 }, {}]) {
      const response = await fetch(`${fake.url}/embeddings`, {
        method: "POST",
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error.type).toBe("invalid_request_error");
    }
  });
});

describe("[FAKE-OPENAI]: models, control and errors", () => {
  it("lists models including fake-model", async () => {
    const body = await (await fetch(`${fake.url}/models`)).json();
    expect(body.object).toBe("list");
    expect(body.data.map((model: { id: string }) => model.id)).toContain("fake-model");
    expect((await fetch(`${fake.url}/models/fake-model`)).status).toBe(200);
    expect((await fetch(`${fake.url}/models/gpt-9`)).status).toBe(404);
  });

  it("records /v1 requests, serves them over HTTP, and resets", async () => {
    await fetch(`${fake.url}/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer sk-abc", "x-fake-scenario": "empty" },
      body: JSON.stringify({ model: "fake-model", messages: [{ role: "user", content: "hi" }] }),
    });
    await fetch(`${origin}/__control/scenario`, {
      method: "POST",
      body: JSON.stringify({ scenario: "serverError" }),
    });
    const recorded = await (await fetch(`${origin}/__control/requests`)).json();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      path: "/v1/chat/completions",
      method: "POST",
      headers: { authorization: "Bearer sk-abc" },
      body: { model: "fake-model" },
      scenario: "empty",
    });
    const health = await (await fetch(`${origin}/__control/health`)).json();
    expect(health).toMatchObject({ ok: true, defaultScenario: "serverError" });

    expect((await fetch(`${origin}/__control/reset`, { method: "POST" })).status).toBe(200);
    expect(fake.requests).toHaveLength(0);
    const afterReset = await (await fetch(`${origin}/__control/health`)).json();
    expect(afterReset.defaultScenario).toBe("plainText");
  });

  it("rejects unknown scenarios on the control endpoint", async () => {
    const response = await fetch(`${origin}/__control/scenario`, {
      method: "POST",
      body: JSON.stringify({ scenario: "bogus" }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("slowStream");
  });

  it("returns 400 for bad JSON or a missing messages array, and 404 JSON for unknown paths", async () => {
    const badJson = await fetch(`${fake.url}/chat/completions`, { method: "POST", body: "{oops" });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.type).toBe("invalid_request_error");
    const noMessages = await fetch(`${fake.url}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "fake-model" }),
    });
    expect(noMessages.status).toBe(400);
    for (const [method, path] of [
      ["GET", "/v1/chat/completions"],
      ["POST", "/v1/completions"],
      ["GET", "/"],
    ]) {
      const response = await fetch(`${origin}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect((await response.json()).error.code).toBe("unknown_url");
    }
  });
});
