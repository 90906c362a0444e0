import { createOpenAI } from "@ai-sdk/openai";
import { generateText, isStepCount, streamText, tool } from "ai";
import { encode } from "gpt-tokenizer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function model() {
  return createOpenAI({ baseURL: fake.url, apiKey: "sk-ai-sdk" }).chat("fake-model");
}

describe("[FAKE-OPENAI]: compatibility with the AI SDK", () => {
  it("streamText receives the plainText reply progressively, with token usage", async () => {
    const result = streamText({ model: model(), prompt: "Hello from the AI SDK" });
    const parts: string[] = [];
    for await (const part of result.textStream) parts.push(part);
    const text = 'Hello! I am a test model. You said: "Hello from the AI SDK".';

    expect(parts.join("")).toBe(text);
    expect(parts.length).toBeGreaterThan(5);
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(encode("Hello from the AI SDK").length);
    expect(usage.outputTokens).toBe(encode(text).length);
    expect((await result.totalUsage).totalTokens).toBe(usage.inputTokens! + usage.outputTokens!);
    expect(await result.finishReason).toBe("stop");

    const [request] = fake.requests;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.headers.authorization).toBe("Bearer sk-ai-sdk");
    expect(request.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("runs a full tool loop: tool call, execution, then the answer to the tool result", async () => {
    const calls: unknown[] = [];
    const result = streamText({
      model: model(),
      prompt: "What is the weather? [[scenario:toolCall]]",
      tools: {
        getWeather: tool({
          description: "Weather for a city",
          inputSchema: z.object({ city: z.string(), days: z.number(), metric: z.boolean() }),
          execute: async (input) => {
            calls.push(input);
            return { forecast: "sunny" };
          },
        }),
      },
      stopWhen: isStepCount(2),
    });
    const text = await result.text;

    expect(calls).toEqual([{ city: "test", days: 1, metric: true }]);
    expect(text).toMatch(/^Tool result received: .*sunny/);
    expect(fake.requests.map((request) => request.scenario)).toEqual(["toolCall", "toolCall"]);
  });

  it("surfaces rateLimited as an API error with status 429", async () => {
    const call = generateText({
      model: model(),
      prompt: "[[scenario:rateLimited]]",
      maxRetries: 0,
    });
    await expect(call).rejects.toMatchObject({ statusCode: 429 });
  });
});
