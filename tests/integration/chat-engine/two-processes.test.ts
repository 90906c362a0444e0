import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { createGptAction } from "@/lib/gpt-actions/create-gpt-action";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { createFakeApiServer, FAKE_API_KEY, type FakeApi } from "../../fixtures/fake-api/server";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { type AppProcess, TEST_AUTH_SECRET } from "../../support/app-process";
import {
  createFakeModel,
  createPublishedGpt,
  createSignedInActor,
  ensureBuilderProfile,
  type SignedInActor,
  setChatLimitSettings,
} from "../../support/factories";
import { type RoundRobinProxy, startRoundRobinProxy } from "../../support/round-robin-proxy";
import { sessionCookie } from "../../support/session-cookie";
import { startTwoAppProcesses, type TwoProcesses } from "../../support/two-processes";

/**
 * Two `next start` processes on one PostgreSQL database behind a round-robin proxy, the way a
 * scaled-out deployment runs: what one process does must hold in the other.
 */
let fake: FakeOpenAI;
let api: FakeApi;
let cluster: TwoProcesses;
let proxy: RoundRobinProxy;
let owner: SignedInActor;
let gptId: string;

beforeAll(async () => {
  // slowStream: 60 words 400 ms apart (24 s), long enough to restart a process in the middle even
  // on a loaded CI machine (a restart there took over 12 s).
  fake = await startFakeOpenAI({ slowMs: 400 });
  api = await createFakeApiServer();
  cluster = await startTwoAppProcesses({ name: "two-processes" });
  await createFakeModel(fake.url);
  await prisma.instanceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, egressAllowlist: [new URL(api.url).host] },
    update: { egressAllowlist: [new URL(api.url).host] },
  });
  owner = await createSignedInActor();
  gptId = (await createPublishedGpt(owner)).id;
  // Two messages in a burst per user: every test here sends at most two per user, but three in
  // the limits test. Set before the processes start, so neither holds older settings.
  await setChatLimitSettings({ chatBurstMessages: 2, chatMessagesPerMinute: 1 });
  await cluster.start();
  proxy = await startRoundRobinProxy([cluster.a.url, cluster.b.url]);
}, 600_000);

afterAll(async () => {
  await proxy?.close();
  await cluster?.stop();
  await Promise.all([fake?.close(), api?.close()]);
});

async function post(url: string, actor: SignedInActor, body: unknown) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: new URL(url).origin,
      cookie: await sessionCookie(actor, TEST_AUTH_SECRET),
    },
    body: JSON.stringify(body),
  });
}

/** Reads SSE data lines until `isEnough` holds for the events so far. */
async function readEvents(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  isEnough: (events: Record<string, unknown>[]) => boolean,
) {
  const decoder = new TextDecoder();
  let buffer = "";
  const events: Record<string, unknown>[] = [];
  while (!isEnough(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith("data: {")) events.push(JSON.parse(line.slice(6)));
    }
  }
  return events;
}

function servedBy(app: AppProcess) {
  return new URL(app.url).origin;
}

describe("[CHAT ENGINE]: two app processes on one PostgreSQL", () => {
  it("a consent prompt answered through one process releases the call held in the other", async () => {
    const user = await createSignedInActor();
    const actionGpt = await createGpt({
      actor: owner,
      input: { name: "Weather", instructions: "Use the tools.", capabilities: ["actions"] },
    });
    await createGptAction({
      actor: owner,
      gptId: actionGpt.id,
      input: {
        kind: "openapi",
        schemaText: await (await fetch(`${api.url}/openapi.json`)).text(),
        auth: { kind: "api_key", placement: "header", name: "X-Api-Key", secret: FAKE_API_KEY },
        privacyPolicyUrl: "https://example.com/privacy",
      },
    });
    await ensureBuilderProfile(owner);
    await publishGpt({ actor: owner, gptId: actionGpt.id, input: { visibility: "PUBLIC" } });

    const first = proxy.served.length;
    const chat = await post(`${proxy.url}/api/chat`, user, {
      gptId: actionGpt.id,
      message: { text: '[[scenario:toolCall]] [[tool:getWeather {"city":"Oslo"}]] Weather?' },
    });
    const reader = chat.body!.getReader();
    const asked = await readEvents(reader, (events) =>
      events.some((event) => (event.data as { promptId?: string })?.promptId),
    );
    const promptId = asked
      .map((event) => (event.data as { promptId?: string })?.promptId)
      .find(Boolean)!;
    const answer = await post(`${proxy.url}/api/actions/prompts/${promptId}`, user, {
      decision: "allow",
    });
    expect(answer.status).toBe(200);
    // The chat and the answer to its prompt went to different processes.
    expect(new Set(proxy.served.slice(first))).toEqual(
      new Set([servedBy(cluster.a), servedBy(cluster.b)]),
    );
    const rest = await readEvents(reader, () => false);
    const states = rest
      .filter((event) => event.type === "data-action-call")
      .map((event) => (event.data as { state: string }).state);
    expect(states).toEqual(["running", "done"]);
    expect(JSON.stringify(rest)).toContain('"status":"COMPLETE"');
    expect(api.requests.filter((request) => request.path === "/weather")).toHaveLength(1);
  });

  it("a GPT published through one process appears at once in the other's store listings", async () => {
    const home = async (app: AppProcess) => (await fetch(`${app.url}/`)).text();
    const name = `Freshly published ${Date.now()}`;
    const draft = await createGpt({
      actor: owner,
      input: { name, description: "New in the store", instructions: "Hi." },
    });
    // A's listing cache holds the home page rows without it (kept 30 s unless invalidated).
    expect(await home(cluster.a)).not.toContain(name);
    const published = await post(`${cluster.b.url}/api/gpts/${draft.id}/publish`, owner, {
      visibility: "PUBLIC",
    });
    expect(published.status).toBe(200);
    expect(await home(cluster.b)).toContain(name);
    // A hears of it through NOTIFY within milliseconds; without it, only after the 30 s TTL.
    const deadline = Date.now() + 10_000;
    let page = await home(cluster.a);
    while (!page.includes(name) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      page = await home(cluster.a);
    }
    expect(page).toContain(name);
  });

  it("limits are global: a user's burst is shared by both processes", async () => {
    const user = await createSignedInActor();
    const statuses: number[] = [];
    for (const app of [cluster.a, cluster.b, cluster.a]) {
      const response = await post(`${app.url}/api/chat`, user, {
        gptId,
        message: { text: "Hello" },
      });
      statuses.push(response.status);
      await response.text();
    }
    // A burst of two (see beforeAll): the third message is refused by A, counting B's.
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("stop and resume work from the other process, and a restart there never touches the live answer", async () => {
    const user = await createSignedInActor();
    const slow = { gptId, message: { text: "[[scenario:slowStream]] tell me" } };
    const first = await post(`${cluster.a.url}/api/chat`, user, slow);
    const conversationId = first.headers.get("x-conversation-id")!;
    await readEvents(first.body!.getReader(), (events) =>
      events.some((event) => event.type === "text-delta"),
    );

    // B restarts while A streams: B's start-up recovery must leave A's live answer alone. The
    // model holds the answer meanwhile, so it is still live however long the restart takes.
    const release = fake.hold();
    let followed: unknown[];
    try {
      await cluster.restartB();
      const resumed = await fetch(`${cluster.b.url}/api/chat/${conversationId}/stream`, {
        headers: { cookie: await sessionCookie(user, TEST_AUTH_SECRET) },
      });
      expect(resumed.status).toBe(200);
      release();
      followed = await readEvents(resumed.body!.getReader(), () => false);
    } finally {
      release();
    }
    expect(JSON.stringify(followed)).toContain('"status":"COMPLETE"');
    const saved = await prisma.message.findFirstOrThrow({
      where: { conversationId, role: "ASSISTANT" },
    });
    expect(saved.status).toBe("COMPLETE");
    expect(textOf(saved.parts).split(" ")).toHaveLength(60);
    expect(await prisma.usageEvent.count({ where: { messageId: saved.id } })).toBe(1);

    // A stop sent to B stops the answer A is writing, once it is saved.
    const second = await post(`${cluster.a.url}/api/chat`, user, { ...slow, conversationId });
    await readEvents(second.body!.getReader(), (events) =>
      events.some((event) => event.type === "text-delta"),
    );
    const stop = await post(`${cluster.b.url}/api/conversations/${conversationId}/stop`, user, {});
    const { messageId } = await stop.json();
    const stopped = await prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(stopped.status).toBe("INTERRUPTED");
    expect(stopped.errorMessage).toBeNull();
    expect(await prisma.usageEvent.count({ where: { messageId } })).toBe(1);
    // A restart and a 24 s answer read to its end.
  }, 120_000);
});
