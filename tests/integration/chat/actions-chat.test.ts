import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { resumeAnswer } from "@/lib/chat/engine/resume-answer";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { answerPrompt } from "@/lib/gpt-actions/consent/prompts";
import { completeOAuth } from "@/lib/gpt-actions/oauth/complete-oauth";
import { startOAuth } from "@/lib/gpt-actions/oauth/start-oauth";
import { ACTION_CALL_PART_TYPE, type ActionCallPartData } from "@/lib/gpt-actions/types";
import { createFakeApiServer, FAKE_API_KEY, type FakeApi } from "../../fixtures/fake-api/server";
import { createFakeMcpServer, type FakeMcp } from "../../fixtures/fake-mcp/server";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createFakeApiGpt } from "../../support/action-gpt";
import { createActor, createFakeModel } from "../../support/factories";

let openai: FakeOpenAI;
let api: FakeApi;
let mcp: FakeMcp;
/** Everything the app logs during these tests: the key must never be in it. */
const logged: string[] = [];

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method];
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(
        args
          .map((arg) =>
            arg instanceof Error
              ? `${arg.message} ${arg.stack}`
              : typeof arg === "string"
                ? arg
                : JSON.stringify(arg),
          )
          .join(" "),
      );
      original(...args);
    });
  }
  openai = await startFakeOpenAI({});
  api = await createFakeApiServer();
  mcp = await createFakeMcpServer();
  await createFakeModel(openai.url);
  const hosts = [api.url, mcp.url].map((url) => new URL(url).host);
  await prisma.instanceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, egressAllowlist: hosts },
    update: { egressAllowlist: hosts },
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all([openai.close(), api.close(), mcp.close()]);
});

function createActionGpt(owner: Actor, options: { withMcp?: boolean; withOAuth?: boolean } = {}) {
  return createFakeApiGpt({ owner, api, mcp, ...options });
}

function turn(actor: Actor, input: Record<string, unknown>) {
  return runChatTurn({
    actor,
    request: chatRequestSchema.parse(input),
  });
}

/** The action-call data parts of a streamed body, in order (every state update). */
function actionParts(body: string): ActionCallPartData[] {
  return body
    .split("\n")
    .filter((line) => line.startsWith("data: {"))
    .map((line) => JSON.parse(line.slice("data: ".length)))
    .filter((chunk) => chunk.type === ACTION_CALL_PART_TYPE)
    .map((chunk) => chunk.data);
}

async function waitForPrompt(userId: string, kind: "CONSENT" | "CONNECT" = "CONSENT") {
  const started = Date.now();
  for (;;) {
    const prompt = await prisma.actionPrompt.findFirst({
      where: { userId, status: "PENDING", kind },
      orderBy: { createdAt: "desc" },
    });
    if (prompt) return prompt;
    if (Date.now() - started > 10_000) throw new Error("no pending prompt");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const weather = (city: string) =>
  `[[scenario:toolCall]] [[tool:getWeather {"city":"${city}"}]] What is the weather?`;

describe("[ACTIONS]: a consent prompt survives a reload", () => {
  it("the resumed answer shows the prompt, and answering it releases the held call", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createActionGpt(owner);
    const response = await turn(user, { gptId: gpt.id, message: { text: weather("Lima") } });
    const conversationId = response.headers.get("x-conversation-id")!;
    const prompt = await waitForPrompt(user.id);
    // The tab is closed while the call waits: the answer waits on, saved with its prompt.
    await response.body!.cancel();
    const stored = await prisma.message.findFirstOrThrow({
      where: { conversationId, role: "ASSISTANT" },
    });
    expect(stored.status).toBe("STREAMING");
    expect(JSON.stringify(stored.parts)).toContain(prompt.id);

    const resumed = await resumeAnswer({ actor: user, conversationId });
    const body = resumed.text();
    await answerPrompt({ actor: user, promptId: prompt.id, decision: "allow" });
    const parts = actionParts(await body);
    expect(parts.map((part) => part.state)).toEqual(["awaiting_consent", "running", "done"]);
    expect(parts[0].promptId).toBe(prompt.id);
    const final = await prisma.message.findUniqueOrThrow({ where: { id: stored.id } });
    expect(final.status).toBe("COMPLETE");
  });
});

describe("[ACTIONS]: calling actions in chat", () => {
  it("asks before the first call to a domain, then calls it with the key and stores the step", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createActionGpt(owner);
    api.reset();

    const response = await turn(user, { gptId: gpt.id, message: { text: weather("Paris") } });
    const body = response.text();
    const prompt = await waitForPrompt(user.id);
    expect(prompt.domain).toBe(new URL(api.url).host);
    // Nothing is sent before the user answers.
    expect(api.requests.filter((r) => r.path === "/weather")).toHaveLength(0);
    await answerPrompt({ actor: user, promptId: prompt.id, decision: "allow" });

    const parts = actionParts(await body);
    expect(parts.map((part) => part.state)).toEqual(["awaiting_consent", "running", "done"]);
    expect(parts[0]).toMatchObject({ promptId: prompt.id, method: "GET", isConsequential: false });
    expect(parts[0].request.url).toContain("/weather?city=Paris");
    expect(parts[2].result).toMatchObject({ status: 200 });
    const sent = api.requests.filter((r) => r.path === "/weather");
    expect(sent).toHaveLength(1);
    expect(sent[0].headers["x-api-key"]).toBe(FAKE_API_KEY);

    const conversationId = response.headers.get("x-conversation-id")!;
    const stored = await prisma.message.findFirstOrThrow({
      where: { conversationId, role: "ASSISTANT" },
    });
    const storedParts = stored.parts as { type: string; data?: ActionCallPartData }[];
    expect(storedParts[0]).toMatchObject({ type: ACTION_CALL_PART_TYPE, data: { state: "done" } });
    expect(JSON.stringify(stored.parts)).not.toContain(FAKE_API_KEY);
    // The tool result went back to the model as labelled, untrusted data.
    const followUp = openai.requests.at(-1)!;
    expect(JSON.stringify(followUp.body)).toContain("untrusted_data");

    // "Allow" covers later reads of the same domain for this GPT: no second prompt.
    const second = await turn(user, {
      gptId: gpt.id,
      conversationId,
      message: { text: weather("Oslo") },
    });
    expect(actionParts(await second.text()).map((part) => part.state)).toEqual(["running", "done"]);
    const log = await prisma.actionCall.findMany({ where: { gptId: gpt.id, source: "CHAT" } });
    expect(log).toHaveLength(2);
    expect(log.every((entry) => entry.status === 200 && entry.userId === user.id)).toBe(true);
  });

  it("asks every time for calls that change things; a denial reaches the model, not the API", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createActionGpt(owner);
    api.reset();
    const note = `[[scenario:toolCall]] [[tool:createNote {"body":{"title":"Buy milk"}}]] Save it.`;

    let response = await turn(user, { gptId: gpt.id, message: { text: note } });
    let body = response.text();
    let prompt = await waitForPrompt(user.id);
    await answerPrompt({ actor: user, promptId: prompt.id, decision: "deny" });
    const denied = actionParts(await body);
    expect(denied.at(-1)?.state).toBe("denied");
    expect(api.requests.filter((r) => r.method === "POST")).toHaveLength(0);
    expect(JSON.stringify(openai.requests.at(-1)!.body)).toContain("The user denied this call");
    const conversationId = response.headers.get("x-conversation-id")!;

    // Allowed once: the next change asks again.
    response = await turn(user, { gptId: gpt.id, conversationId, message: { text: note } });
    body = response.text();
    prompt = await waitForPrompt(user.id);
    await answerPrompt({ actor: user, promptId: prompt.id, decision: "allow" });
    expect(actionParts(await body).at(-1)?.state).toBe("done");
    response = await turn(user, { gptId: gpt.id, conversationId, message: { text: note } });
    body = response.text();
    prompt = await waitForPrompt(user.id);
    // "Always allow for this GPT" stops the asking.
    await answerPrompt({ actor: user, promptId: prompt.id, decision: "always" });
    await body;
    response = await turn(user, { gptId: gpt.id, conversationId, message: { text: note } });
    expect(actionParts(await response.text()).map((part) => part.state)).toEqual([
      "running",
      "done",
    ]);
    expect(api.requests.filter((r) => r.method === "POST")).toHaveLength(3);
  });

  it("turns API failures into short results the model can explain", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createActionGpt(owner);
    await prisma.actionConsent.create({
      data: { userId: user.id, gptId: gpt.id, domain: new URL(api.url).host, kind: "ALWAYS" },
    });
    const response = await turn(user, {
      gptId: gpt.id,
      message: {
        text: `[[scenario:toolCall]] [[tool:getStatus {"code":503}]] [[tool:getInvalidJson {}]] [[tool:redirectToPrivate {}]] Try.`,
      },
    });
    const finals = actionParts(await response.text()).filter((part) => part.state !== "running");
    expect(finals.map((part) => part.state)).toEqual(["failed", "failed", "failed"]);
    const errors = finals.map((part) => part.result?.error ?? "");
    expect(errors.find((e) => e.includes("503"))).toBeTruthy();
    expect(errors.find((e) => e.includes("invalid JSON"))).toBeTruthy();
    expect(errors.find((e) => e.includes("blocked"))).toBeTruthy();
  });

  it("calls a remote MCP server's tool the same way", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createActionGpt(owner, { withMcp: true });
    const response = await turn(user, {
      gptId: gpt.id,
      message: { text: `[[scenario:toolCall]] [[tool:add_numbers {"a":2,"b":40}]] Add.` },
    });
    const body = response.text();
    const prompt = await waitForPrompt(user.id);
    expect(prompt.domain).toBe(new URL(mcp.url).host);
    await answerPrompt({ actor: user, promptId: prompt.id, decision: "allow" });
    const parts = actionParts(await body);
    expect(parts.at(-1)).toMatchObject({ state: "done", method: "TOOL" });
    expect(parts.at(-1)?.result?.preview).toContain("42");
    expect(mcp.calls.at(-1)).toMatchObject({ tool: "add_numbers", args: { a: 2, b: 40 } });
  });

  it("refuses calls beyond the per-answer limit", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createActionGpt(owner);
    await prisma.instanceSettings.update({ where: { id: 1 }, data: { actionMaxCallsPerTurn: 1 } });
    await prisma.actionConsent.create({
      data: { userId: user.id, gptId: gpt.id, domain: new URL(api.url).host, kind: "ALWAYS" },
    });
    try {
      api.reset();
      const response = await turn(user, {
        gptId: gpt.id,
        message: {
          text: `[[scenario:toolCall]] [[tool:getWeather {"city":"A"}]] [[tool:getWeather {"city":"B"}]] Two.`,
        },
      });
      await response.text();
      expect(api.requests.filter((r) => r.path === "/weather")).toHaveLength(1);
      expect(JSON.stringify(openai.requests.at(-1)!.body)).toContain("the most allowed");
    } finally {
      await prisma.instanceSettings.update({
        where: { id: 1 },
        data: { actionMaxCallsPerTurn: 8 },
      });
    }
  });

  it("holds a call until the user connects their account (OAuth + PKCE), then makes it", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createActionGpt(owner, { withOAuth: true });
    await prisma.actionConsent.create({
      data: { userId: user.id, gptId: gpt.id, domain: new URL(api.url).host, kind: "ALWAYS" },
    });
    const response = await turn(user, {
      gptId: gpt.id,
      message: { text: "[[scenario:toolCall]] [[tool:getProfile {}]] Who am I?" },
    });
    const body = response.text();
    const prompt = await waitForPrompt(user.id, "CONNECT");
    const action = await prisma.gptAction.findFirstOrThrow({ where: { gptId: gpt.id } });
    // What the browser does: open the connect URL, approve at the provider, come back.
    const authorizeUrl = new URL(
      await startOAuth({
        actor: user,
        gptId: gpt.id,
        actionId: action.id,
        promptId: prompt.id,
        origin: "http://localhost:3000",
      }),
    );
    expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
    const approval = await fetch(`${api.url}/oauth/authorize`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        ...Object.fromEntries(authorizeUrl.searchParams),
        decision: "authorize",
      }),
      redirect: "manual",
    });
    const callback = new URL(approval.headers.get("location")!);
    await completeOAuth({
      actor: user,
      state: callback.searchParams.get("state")!,
      code: callback.searchParams.get("code"),
      providerError: null,
    });

    const parts = actionParts(await body);
    expect(parts.map((part) => part.state)).toEqual([
      "running",
      "awaiting_connection",
      "running",
      "done",
    ]);
    expect(parts[1].connectUrl).toContain(`promptId=${prompt.id}`);
    expect(parts.at(-1)?.result?.preview).toContain("Ada Example");
    const connection = await prisma.actionConnection.findFirstOrThrow({
      where: { userId: user.id },
    });
    expect(JSON.stringify(connection)).not.toMatch(/fake-access-|"access_token"/);
  });

  it("never writes the API key to a log line", () => {
    expect(logged.filter((line) => line.includes(FAKE_API_KEY))).toEqual([]);
  });
});
