import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { startExternalTurn } from "@/lib/chat/external-turn";
import { prisma } from "@/lib/db";
import { ACTION_CALL_PART_TYPE, type ActionCallPartData } from "@/lib/gpt-actions/types";
import { createFakeApiServer, type FakeApi } from "../../fixtures/fake-api/server";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createFakeApiGpt } from "../../support/action-gpt";
import { createActor, createFakeModel } from "../../support/factories";

/**
 * Actions where nobody can be asked: an API caller runs the calls that would ask for consent only
 * when the key owner allowed the GPT's actions over the API; an embed visitor runs reads with the
 * creator's shared key, never a per-user sign-in or a call that changes things.
 */
let openai: FakeOpenAI;
let api: FakeApi;

beforeAll(async () => {
  openai = await startFakeOpenAI({});
  api = await createFakeApiServer();
  await createFakeModel(openai.url);
  await prisma.instanceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, egressAllowlist: [new URL(api.url).host] },
    update: { egressAllowlist: [new URL(api.url).host] },
  });
});

afterAll(async () => {
  await Promise.all([openai.close(), api.close()]);
});

const weather = (city: string) =>
  `[[scenario:toolCall]] [[tool:getWeather {"city":"${city}"}]] What is the weather?`;

/** Runs one turn to its end; returns the stored action call and what the model was told. */
async function runTurn(input: {
  payer: Actor;
  gptId: string;
  channel: "API" | "EMBED";
  text: string;
}) {
  const started = await startExternalTurn({
    payer: input.payer,
    gptId: input.gptId,
    channel: input.channel,
    messages: [{ role: "user", content: input.text }],
    conversation: { create: input.channel === "EMBED" ? { visitorId: "visitor-1" } : {} },
  });
  await started.live.ended;
  const message = await prisma.message.findUniqueOrThrow({ where: { id: started.messageId } });
  const parts = message.parts as { type: string; data?: ActionCallPartData }[];
  const call = parts.find((part) => part.type === ACTION_CALL_PART_TYPE)?.data;
  const toolResult = JSON.stringify(openai.requests.at(-1)?.body ?? {});
  return { message, call, toolResult };
}

describe("[API]: actions over the API", () => {
  it("[API]: a call that would ask for consent is refused with a tool result until the key owner allows the GPT", async () => {
    const owner = await createActor();
    const caller = await createActor();
    const gpt = await createFakeApiGpt({ owner, api });
    api.reset();

    const refused = await runTurn({
      payer: caller,
      gptId: gpt.id,
      channel: "API",
      text: weather("Rome"),
    });
    expect(refused.call?.state).toBe("denied");
    expect(refused.toolResult).toContain("has not allowed this GPT's actions over the API");
    expect(api.requests.filter((request) => request.path === "/weather")).toHaveLength(0);
    // Nobody is left waiting on a prompt nobody can answer.
    expect(await prisma.actionPrompt.count({ where: { userId: caller.id } })).toBe(0);
    expect(refused.message.status).toBe("COMPLETE");

    await prisma.apiActionPermission.create({ data: { userId: caller.id, gptId: gpt.id } });
    const allowed = await runTurn({
      payer: caller,
      gptId: gpt.id,
      channel: "API",
      text: weather("Rome"),
    });
    expect(allowed.call?.state).toBe("done");
    expect(api.requests.filter((request) => request.path === "/weather")).toHaveLength(1);
    expect(await prisma.usageEvent.count({ where: { userId: caller.id, channel: "API" } })).toBe(2);
  });
});

describe("[EMBED]: actions in a website widget", () => {
  it("[EMBED]: a read with the creator's shared key runs; a per-user sign-in is refused", async () => {
    const owner = await createActor();
    const keyed = await createFakeApiGpt({ owner, api });
    api.reset();
    const read = await runTurn({
      payer: owner,
      gptId: keyed.id,
      channel: "EMBED",
      text: weather("Oslo"),
    });
    expect(read.call?.state).toBe("done");
    expect(api.requests.filter((request) => request.path === "/weather")).toHaveLength(1);

    const oauth = await createFakeApiGpt({ owner, api, withOAuth: true });
    const refused = await runTurn({
      payer: owner,
      gptId: oauth.id,
      channel: "EMBED",
      text: weather("Oslo"),
    });
    expect(refused.call?.state).toBe("denied");
    expect(refused.toolResult).toContain("need a signed-in user");
    expect(await prisma.usageEvent.count({ where: { userId: owner.id, channel: "EMBED" } })).toBe(
      2,
    );
  });
});
