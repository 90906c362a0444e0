import { createOpenAI } from "@ai-sdk/openai";
import { isStepCount, streamText, tool } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { parseToolMarkers } from "../../fixtures/fake-openai/tool-markers";
import { type ChatChunk, contentOf, readSse } from "./sse";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const tools = [
  {
    type: "function",
    function: {
      name: "set_name",
      parameters: {
        type: "object",
        properties: { name: { type: "string" } },
        required: ["name"],
      },
    },
  },
  {
    type: "function",
    function: {
      name: "set_starters",
      parameters: {
        type: "object",
        properties: { starters: { type: "array", items: { type: "string" } } },
        required: ["starters"],
      },
    },
  },
];

function streamChat(text: string, withTools = tools) {
  return fetch(`${fake.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "fake-model",
      stream: true,
      messages: [{ role: "user", content: text }],
      tools: withTools,
    }),
  });
}

function callsOf(chunks: ChatChunk[]) {
  const streamed = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
  const byIndex = new Map<number, { id?: string; name?: string; args: string }>();
  for (const piece of streamed) {
    const call = byIndex.get(piece.index) ?? { args: "" };
    call.id ??= piece.id;
    call.name ??= piece.function.name;
    call.args += piece.function.arguments ?? "";
    byIndex.set(piece.index, call);
  }
  return [...byIndex.values()].map((call) => ({ ...call, args: JSON.parse(call.args) }));
}

describe("[FAKE-OPENAI]: tool markers", () => {
  it("parses names and JSON arguments, even with ]] and braces inside strings", () => {
    const parsed = parseToolMarkers(
      'Hi [[tool:set_name {"name":"A ]] {odd} name"}]] and [[tool:set_starters]] bye',
    );
    expect(parsed).toEqual({
      ok: true,
      markers: [
        { name: "set_name", args: { name: "A ]] {odd} name" } },
        { name: "set_starters", args: null },
      ],
      text: "Hi  and  bye",
    });
  });

  it("reports unclosed, invalid or unterminated markers", () => {
    expect(parseToolMarkers('[[tool:x {"a": 1]]').ok).toBe(false);
    expect(parseToolMarkers("[[tool:x {a: 1}]]")).toMatchObject({
      ok: false,
      error: expect.stringContaining("not valid JSON"),
    });
    expect(parseToolMarkers('[[tool:x {"a":1} oops]]').ok).toBe(false);
    expect(parseToolMarkers("[[tool: ]]").ok).toBe(false);
  });

  it("makes one call per marker, in order, with the given arguments, in one step", async () => {
    const { chunks, isDone } = await readSse(
      await streamChat(
        '[[scenario:toolCall]] [[tool:set_starters {"starters":["a","b"]}]] [[tool:set_name {"name":"Trail Buddy"}]]',
      ),
    );
    expect(isDone).toBe(true);
    const calls = callsOf(chunks);
    expect(calls.map((call) => [call.name, call.args])).toEqual([
      ["set_starters", { starters: ["a", "b"] }],
      ["set_name", { name: "Trail Buddy" }],
    ]);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe("tool_calls");
  });

  it("samples arguments for a marker without arguments", async () => {
    const { chunks } = await readSse(await streamChat("[[scenario:toolCall]] [[tool:set_name]]"));
    expect(callsOf(chunks).map((call) => call.args)).toEqual([{ name: "test" }]);
  });

  it("answers an unknown tool or bad JSON with a 400 that says why", async () => {
    const unknown = await streamChat("[[scenario:toolCall]] [[tool:nope]]");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain("Tools sent: set_name, set_starters");
    const bad = await streamChat("[[scenario:toolCall]] [[tool:set_name {name}]]");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("not valid JSON");
  });

  it("strips tool markers from the plainText echo", async () => {
    const { chunks } = await readSse(
      await streamChat('hi [[tool:set_name {"name":"X"}]] there', []),
    );
    expect(contentOf(chunks)).toBe('Hello! I am a test model. You said: "hi there".');
  });

  it("lets the AI SDK run several calls from one step, then answers the tool results", async () => {
    const executed: unknown[] = [];
    const result = streamText({
      model: createOpenAI({ baseURL: fake.url, apiKey: "sk" }).chat("fake-model"),
      prompt:
        '[[scenario:toolCall]] [[tool:set_name {"name":"One"}]] [[tool:set_name {"name":"Two"}]]',
      tools: {
        set_name: tool({
          inputSchema: z.object({ name: z.string() }),
          execute: async ({ name }) => {
            executed.push(name);
            return { ok: name };
          },
        }),
      },
      stopWhen: isStepCount(3),
    });
    const text = await result.text;
    expect(executed.sort()).toEqual(["One", "Two"]);
    expect(text).toMatch(/^Tool result received: /);
    expect(fake.requests).toHaveLength(2);
  });
});
