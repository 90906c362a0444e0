import { encode } from "gpt-tokenizer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { contentChunks, contentOf, readSse } from "./sse";

let fake: FakeOpenAI;
const slowMs = 20;

beforeAll(async () => {
  fake = await startFakeOpenAI({ port: 0, slowMs });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

type Message = { role: string; content: unknown; tool_call_id?: string };

function chat(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${fake.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-test", ...headers },
    body: JSON.stringify({ model: "fake-model", ...body }),
  });
}

function streamChat(messages: Message[], extra: Record<string, unknown> = {}, headers = {}) {
  const body = { messages, stream: true, stream_options: { include_usage: true }, ...extra };
  return chat(body, headers);
}

const user = (content: unknown): Message => ({ role: "user", content });

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    parameters: {
      type: "object",
      properties: {
        city: { type: "string" },
        days: { type: "integer" },
        metric: { type: "boolean" },
        note: { type: "string" },
      },
      required: ["city", "days", "metric"],
    },
  },
};

describe("[FAKE-OPENAI]: chat completions", () => {
  it("plainText streams word-sized deltas, a usage chunk, then [DONE]", async () => {
    const response = await streamChat([{ role: "system", content: "Be nice." }, user("Say hi")]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const { chunks, isDone } = await readSse(response);
    const text = 'Hello! I am a test model. You said: "Say hi".';

    expect(isDone).toBe(true);
    expect(chunks[0].choices[0].delta.role).toBe("assistant");
    expect(contentChunks(chunks).length).toBeGreaterThan(5);
    expect(contentOf(chunks)).toBe(text);
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe("stop");
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    const prompt = encode("Be nice.\nSay hi").length;
    const completion = encode(text).length;
    expect(last?.usage).toEqual({
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
    });
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);
    expect(fake.requests[0].headers.authorization).toBe("Bearer sk-test");
    expect(fake.requests[0].scenario).toBe("plainText");
  });

  it("sends no usage chunk unless stream_options.include_usage is set", async () => {
    const response = await chat({ messages: [user("hi")], stream: true });
    const { chunks, isDone } = await readSse(response);
    expect(isDone).toBe(true);
    expect(chunks.every((chunk) => chunk.choices.length === 1 && !("usage" in chunk))).toBe(true);
  });

  it("answers non-streaming requests with a chat.completion that includes usage", async () => {
    const response = await chat({ messages: [user("hello there")] });
    const body = await response.json();
    expect(body.object).toBe("chat.completion");
    expect(body.choices[0].message).toMatchObject({ role: "assistant" });
    expect(body.choices[0].message.content).toBe(
      'Hello! I am a test model. You said: "hello there".',
    );
    expect(body.choices[0].finish_reason).toBe("stop");
    expect(body.usage.completion_tokens).toBe(encode(body.choices[0].message.content).length);
  });

  it("selects the scenario by marker, then header, then default", async () => {
    const marked = user([{ type: "text", text: "Show code [[scenario:markdownCode]] please" }]);
    const byMarker = await readSse(await streamChat([marked], {}, { "x-fake-scenario": "empty" }));
    expect(contentOf(byMarker.chunks)).toContain("```ts");

    const byHeader = await readSse(
      await streamChat([user("x")], {}, { "x-fake-scenario": "empty" }),
    );
    expect(contentOf(byHeader.chunks)).toBe("");

    fake.setDefaultScenario("markdownCode");
    expect(contentOf((await readSse(await streamChat([user("x")]))).chunks)).toContain("## ");
    expect(fake.requests.map((request) => request.scenario)).toEqual([
      "markdownCode",
      "empty",
      "markdownCode",
    ]);

    const control = await fetch(fake.url.replace("/v1", "/__control/scenario"), {
      method: "POST",
      body: JSON.stringify({ scenario: "plainText" }),
    });
    expect(control.status).toBe(200);
    const echoed = await readSse(await streamChat([user("Repeat [[scenario:plainText]] me")]));
    expect(contentOf(echoed.chunks)).toBe('Hello! I am a test model. You said: "Repeat me".');
  });

  it("only looks for the marker in the last user message", async () => {
    const messages = [
      user("[[scenario:empty]] old"),
      { role: "assistant", content: "ok" },
      user("new"),
    ];
    const { chunks } = await readSse(await streamChat(messages));
    expect(contentOf(chunks)).toContain('You said: "new"');
  });

  it("rejects unknown scenario names with an error listing the valid ones", async () => {
    for (const response of [
      await streamChat([user("[[scenario:nope]]")]),
      await streamChat([user("x")], {}, { "x-fake-scenario": "nope" }),
    ]) {
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.message).toContain("nope");
      expect(body.error.message).toContain("plainText, markdownCode, toolCall");
    }
    expect(() => fake.setDefaultScenario("nope" as "plainText")).toThrow(/Valid scenarios/);
  });

  it("markdownCode sends a heading, list, bold text, a ts code block and raw script HTML", async () => {
    const { chunks } = await readSse(await streamChat([user("[[scenario:markdownCode]]")]));
    const text = contentOf(chunks);
    expect(text).toMatch(/^## /m);
    expect(text).toMatch(/^- /m);
    expect(text).toContain("**bold**");
    expect(text).toMatch(/```ts\n([^\n]*\n){3,}```/);
    expect(text).toContain('<script>alert("xss")</script>');
  });

  it("toolCall streams a call to the first tool with arguments built from its schema", async () => {
    const response = await streamChat([user("weather? [[scenario:toolCall]]")], {
      tools: [weatherTool, { ...weatherTool, function: { name: "other" } }],
    });
    const { chunks, isDone } = await readSse(response);
    const calls = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(isDone).toBe(true);
    expect(calls[0]).toMatchObject({
      index: 0,
      type: "function",
      function: { name: "get_weather" },
    });
    expect(calls[0].id).toMatch(/^call_/);
    expect(calls.length).toBeGreaterThan(2);
    const args = calls.map((call) => call.function.arguments ?? "").join("");
    expect(JSON.parse(args)).toEqual({ city: "test", days: 1, metric: true });
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe("tool_calls");
    expect(contentOf(chunks)).toBe("");
  });

  it("toolCall answers a tool result with text, and acts like plainText without tools", async () => {
    const messages = [
      user("weather? [[scenario:toolCall]]"),
      { role: "assistant", content: null },
      { role: "tool", tool_call_id: "call_1", content: '{"forecast":"sunny"}' },
    ];
    const answered = await readSse(await streamChat(messages, { tools: [weatherTool] }));
    expect(contentOf(answered.chunks)).toBe('Tool result received: {"forecast":"sunny"}');

    const noTools = await readSse(await streamChat([user("hi [[scenario:toolCall]]")]));
    expect(contentOf(noTools.chunks)).toBe('Hello! I am a test model. You said: "hi".');
  });

  it("slowStream paces ~60 deltas and survives the client hanging up mid-stream", async () => {
    const started = Date.now();
    const { chunks, isDone } = await readSse(await streamChat([user("[[scenario:slowStream]]")]));
    expect(isDone).toBe(true);
    expect(contentChunks(chunks)).toHaveLength(60);
    expect(Date.now() - started).toBeGreaterThanOrEqual(59 * slowMs * 0.9);

    // Cancelling the body closes the socket while the server still has ~57 deltas to send.
    const hungUp = await readSse(await streamChat([user("[[scenario:slowStream]]")]), {
      stopAfter: 3,
    });
    expect(hungUp.isDone).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, slowMs * 3));
    const health = await fetch(fake.url.replace("/v1", "/__control/health"));
    expect(health.status).toBe(200);
    expect(contentOf((await readSse(await streamChat([user("again")]))).chunks)).toContain("again");
  });

  it("disconnect drops the connection mid-stream without finish_reason or [DONE]", async () => {
    const { chunks, isDone, error } = await readSse(
      await streamChat([user("[[scenario:disconnect]]")]),
    );
    expect(error).toBeDefined();
    expect(isDone).toBe(false);
    expect(contentChunks(chunks).length).toBeGreaterThan(0);
    expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason)).toBe(false);
  });

  it("rateLimited and serverError return OpenAI error bodies", async () => {
    const limited = await streamChat([user("[[scenario:rateLimited]]")]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await limited.json()).error).toMatchObject({
      type: "requests",
      param: null,
      code: "rate_limit_exceeded",
    });
    const failed = await chat({ messages: [user("x")] }, { "x-fake-scenario": "serverError" });
    expect(failed.status).toBe(500);
    expect((await failed.json()).error).toMatchObject({ type: "server_error" });
  });

  it("empty sends a role delta and finish_reason stop with zero completion tokens", async () => {
    const { chunks, isDone } = await readSse(await streamChat([user("[[scenario:empty]]")]));
    expect(isDone).toBe(true);
    expect(chunks[0].choices[0].delta.role).toBe("assistant");
    expect(contentOf(chunks)).toBe("");
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe("stop");
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(0);
  });
});
