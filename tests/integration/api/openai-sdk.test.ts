import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as completions from "@/app/api/v1/chat/completions/route";
import * as models from "@/app/api/v1/models/route";
import { generateApiKey } from "@/lib/api-keys/key-format";
import type { ApiKeyScope } from "@/lib/api-keys/schemas";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";
import { type RouteServer, startRouteServer } from "../../support/route-server";
import { createReadyFile, setVersionFiles } from "../knowledge/retrieval-helpers";

/**
 * The OpenAI-compatible API as the official `openai` npm client sees it: a real HTTP server in
 * this process runs the app's route handlers; the model behind the GPT is the fake
 * OpenAI-compatible server. Nothing of the app is mocked.
 */
let fake: FakeOpenAI;
let server: RouteServer;
let keyOwner: Actor;
let slug: string;
let privateSlug: string;

/** Every key these tests made: none may ever reach a log line. */
const secrets: string[] = [];
const logged: string[] = [];

async function createKey(user: Actor, scopes: ApiKeyScope[] = ["chat"]) {
  const { key, prefix, hash } = generateApiKey();
  secrets.push(key);
  const row = await prisma.apiKey.create({
    data: { userId: user.id, name: "test", prefix, hash, scopes },
  });
  return { key, id: row.id };
}

function client(apiKey: string): OpenAI {
  return new OpenAI({ apiKey, baseURL: `${server.url}/api/v1`, maxRetries: 0 });
}

async function apiUsage(messageId: string) {
  return prisma.usageEvent.findMany({ where: { messageId, channel: "API" } });
}

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method];
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(
        args
          .map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg)))
          .join(" "),
      );
      original(...args);
    });
  }
  fake = await startFakeOpenAI({ slowMs: 5 });
  await createFakeModel(fake.url);
  await prisma.plan.updateMany({ where: { isFree: true }, data: { hasApiAccess: true } });
  const creator = await createActor();
  const gpt = await createPublishedGpt(creator, { name: "API Pirate" });
  slug = (await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).slug;
  const hidden = await createPublishedGpt(creator, { name: "Secret GPT" });
  const privateGpt = await prisma.gpt.update({
    where: { id: hidden.id },
    data: { visibility: "PRIVATE" },
  });
  privateSlug = privateGpt.slug;
  keyOwner = await createActor();
  server = await startRouteServer({
    "POST /api/v1/chat/completions": completions.POST as never,
    "GET /api/v1/models": models.GET as never,
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await server?.close();
  await fake?.close();
  await prisma.plan.updateMany({ where: { isFree: true }, data: { hasApiAccess: false } });
});

describe("[API]: the OpenAI-compatible API through the official openai client", () => {
  it("[API]: models.list lists the store's GPTs by slug, not other people's private ones", async () => {
    const { key } = await createKey(keyOwner);
    const page = await client(key).models.list();
    const ids = page.data.map((model) => model.id);
    expect(ids).toContain(slug);
    expect(ids).not.toContain(privateSlug);
    const listed = page.data.find((model) => model.id === slug);
    expect(listed?.object).toBe("model");
  });

  it("[API]: a non-streamed completion answers from the GPT, reports usage, and is metered once on channel API", async () => {
    const { key } = await createKey(keyOwner);
    const completion = await client(key).chat.completions.create({
      model: slug,
      messages: [
        { role: "system", content: "Mention the word lighthouse." },
        { role: "user", content: "Ahoy there" },
      ],
    });
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]?.message.content).toContain('You said: "Ahoy there"');
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    const messageId = completion.id.replace(/^chatcmpl-/, "");
    const usage = await apiUsage(messageId);
    expect(usage).toHaveLength(1);
    expect(usage[0]?.userId).toBe(keyOwner.id);
    expect(usage[0]?.outputTokens).toBe(completion.usage?.completion_tokens);
    // The GPT's instructions come first; the caller's system message is added after them.
    const sent = fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    const system = sent.messages.find((message) => message.role === "system")?.content ?? "";
    expect(system.indexOf("Be brief.")).toBeGreaterThanOrEqual(0);
    expect(system.indexOf("lighthouse")).toBeGreaterThan(system.indexOf("Be brief."));
    // Stateless: saved (and metered) like any answer, but never in the key owner's history.
    const message = await prisma.message.findUniqueOrThrow({
      where: { id: messageId },
      select: { status: true, conversation: { select: { isHidden: true, origin: true } } },
    });
    expect(message).toEqual({
      status: "COMPLETE",
      conversation: { isHidden: true, origin: "API" },
    });
  });

  it("[API]: a streamed completion sends chunks, then the usage chunk, and is metered once", async () => {
    const { key } = await createKey(keyOwner);
    const stream = await client(key).chat.completions.create({
      model: slug,
      messages: [
        { role: "user", content: "First question" },
        { role: "assistant", content: "First answer" },
        { role: "user", content: "Stream this please" },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let id = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      id = chunk.id;
      text += chunk.choices[0]?.delta.content ?? "";
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toContain('You said: "Stream this please"');
    expect(finishReason).toBe("stop");
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
    // The caller's history reached the model as sent.
    const sent = fake.requests.at(-1)?.body as { messages: { content: string }[] };
    expect(sent.messages.map((message) => message.content)).toContain("First answer");
    const metered = await apiUsage(id.replace(/^chatcmpl-/, ""));
    expect(metered).toHaveLength(1);
    expect(metered[0]?.outputTokens).toBe(usage?.completion_tokens);
  });

  it("[API]: `store` keeps the exchange in the key owner's history and `conversation` continues it", async () => {
    const { key } = await createKey(keyOwner);
    const first = (await client(key).chat.completions.create({
      model: slug,
      messages: [{ role: "user", content: "Remember the code word: mango" }],
      store: true,
    })) as OpenAI.ChatCompletion & { conversation: string | null };
    expect(first.conversation).toBeTruthy();
    const stored = await prisma.conversation.findUniqueOrThrow({
      where: { id: first.conversation as string },
    });
    expect(stored).toMatchObject({ userId: keyOwner.id, isHidden: false, origin: "API" });
    await client(key).chat.completions.create({
      model: slug,
      messages: [{ role: "user", content: "What was the code word?" }],
      // @ts-expect-error Atelier's extension field
      conversation: first.conversation,
    });
    const sent = fake.requests.at(-1)?.body as { messages: { content: string }[] };
    expect(sent.messages.map((message) => message.content).join("\n")).toContain("mango");
    expect(await prisma.message.count({ where: { conversationId: stored.id } })).toBe(4);
  });

  it("[API]: knowledge citations arrive as url_citation annotations on the cited span", async () => {
    const creator = await createActor();
    const gpt = await createPublishedGpt(creator, { name: "Harbour guide" });
    const row = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
    const data = { capabilities: ["knowledge"] };
    await prisma.gptVersion.update({ where: { id: row.publishedVersionId as string }, data });
    const file = await createReadyFile({
      owner: creator,
      gptId: gpt.id,
      name: "harbour-rules.pdf",
      passages: [{ text: "Zeppelin permits are issued on Tuesdays.", page: 2 }],
    });
    await setVersionFiles(row.publishedVersionId as string, [file.id]);
    const { key } = await createKey(keyOwner);
    const completion = await client(key).chat.completions.create({
      model: row.slug,
      messages: [
        { role: "user", content: "[[scenario:knowledgeCite]] When are zeppelin permits issued?" },
      ],
    });
    const message = completion.choices[0]?.message;
    expect(message?.content).toContain("According to [1]");
    const annotation = message?.annotations?.[0];
    expect(annotation?.type).toBe("url_citation");
    expect(annotation?.url_citation.title).toBe("harbour-rules.pdf");
    expect(annotation?.url_citation.url).toContain(`/g/${row.slug}`);
    const { start_index, end_index } = annotation?.url_citation ?? { start_index: 0, end_index: 0 };
    expect(message?.content?.slice(start_index, end_index)).toBe("[1]");
  });

  it("[API]: an invalid key is refused with 401", async () => {
    await expect(
      client("atl_not-a-real-key").chat.completions.create({
        model: slug,
        messages: [{ role: "user", content: "hi" }],
      }),
    ).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
  });

  it("[API]: a revoked key is refused with 401 and nothing is saved", async () => {
    const { key, id } = await createKey(keyOwner);
    await prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    const before = await prisma.usageEvent.count({ where: { channel: "API" } });
    await expect(client(key).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(
      client(key).chat.completions.create({
        model: slug,
        messages: [{ role: "user", content: "x" }],
      }),
    ).rejects.toMatchObject({ status: 401, message: expect.stringContaining("revoked") });
    expect(await prisma.usageEvent.count({ where: { channel: "API" } })).toBe(before);
  });

  it("[API]: a GPT the key may not use is a 404 model_not_found, like a missing one", async () => {
    const { key } = await createKey(keyOwner);
    for (const model of [privateSlug, "no-such-gpt"]) {
      await expect(
        client(key).chat.completions.create({ model, messages: [{ role: "user", content: "hi" }] }),
      ).rejects.toMatchObject({ status: 404, code: "model_not_found" });
    }
  });

  it("[API]: over the key's rate limit the API answers 429 with Retry-After", async () => {
    const { key, id } = await createKey(keyOwner);
    await prisma.rateLimit.create({
      data: { key: `api-key:${id}`, windowStart: new Date(), count: 10_000 },
    });
    const error = await client(key)
      .models.list()
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const headers = (error as InstanceType<typeof OpenAI.RateLimitError>).headers;
    expect(Number(headers?.get("retry-after"))).toBeGreaterThan(0);
  });

  it("[API]: a key without the chat scope, or whose plan has no API access, gets 403", async () => {
    const readOnly = await createKey(keyOwner, ["gpts:read"]);
    await expect(
      client(readOnly.key).chat.completions.create({
        model: slug,
        messages: [{ role: "user", content: "hi" }],
      }),
    ).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    const { key } = await createKey(keyOwner);
    await prisma.plan.updateMany({ where: { isFree: true }, data: { hasApiAccess: false } });
    try {
      await expect(client(key).models.list()).rejects.toMatchObject({
        status: 403,
        code: "no_api_access",
      });
    } finally {
      await prisma.plan.updateMany({ where: { isFree: true }, data: { hasApiAccess: true } });
    }
  });

  it("[API]: completions draw on the key owner's plan allowance; past it, 429 with the app's message and nothing saved", async () => {
    const owner = await createActor();
    const { key } = await createKey(owner);
    const free = await prisma.plan.findFirstOrThrow({ where: { isFree: true } });
    await prisma.plan.update({ where: { id: free.id }, data: { dailyMessages: 1 } });
    try {
      const ask = () =>
        client(key).chat.completions.create({
          model: slug,
          messages: [{ role: "user", content: "One more?" }],
        });
      await ask();
      await expect(ask()).rejects.toMatchObject({
        status: 429,
        message: expect.stringContaining("today's 1 message"),
      });
      expect(await prisma.usageEvent.count({ where: { userId: owner.id, channel: "API" } })).toBe(
        1,
      );
      expect(
        await prisma.message.count({ where: { conversation: { userId: owner.id }, role: "USER" } }),
      ).toBe(1);
    } finally {
      await prisma.plan.update({
        where: { id: free.id },
        data: { dailyMessages: free.dailyMessages },
      });
    }
  });

  it("[API]: a bad request names the parameter, in OpenAI's error shape", async () => {
    const { key } = await createKey(keyOwner);
    await expect(
      client(key).chat.completions.create({
        model: slug,
        messages: [{ role: "assistant", content: "I speak last" }],
      }),
    ).rejects.toMatchObject({ status: 400, param: "messages" });
    await expect(
      client(key).chat.completions.create({
        model: slug,
        messages: [
          { role: "user", content: [{ type: "image_url", image_url: { url: "https://x/y.png" } }] },
        ],
      }),
    ).rejects.toMatchObject({ status: 400, param: "messages.0.content" });
  });

  it("[API]: no key ever reaches a log line or is stored in clear", async () => {
    expect(secrets.length).toBeGreaterThan(5);
    const everything = logged.join("\n");
    const stored = JSON.stringify(await prisma.apiKey.findMany());
    for (const secret of secrets) {
      expect(everything).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });
});
