import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as changeRoute } from "@/app/api/gpts/[id]/builder/changes/[changeId]/route";
import { GET as historyRoute, POST as turnRoute } from "@/app/api/gpts/[id]/builder/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createActor, createFakeModel } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let fake: FakeOpenAI;
let owner: Actor;
let stranger: Actor;

beforeAll(async () => {
  fake = await startFakeOpenAI({});
  await createFakeModel(fake.url);
  owner = await createActor();
  stranger = await createActor();
});
afterAll(() => fake.close());
beforeEach(() => setSessionActor(owner));

async function postTurn(gptId: string, body: unknown) {
  return turnRoute(
    appRequest(`/api/gpts/${gptId}/builder`, { method: "POST", body }),
    segment({ id: gptId }),
  );
}

async function postChange(gptId: string, changeId: string, body: unknown) {
  return changeRoute(
    appRequest(`/api/gpts/${gptId}/builder/changes/${changeId}`, { method: "POST", body }),
    segment({ id: gptId, changeId }),
  );
}

describe("[BUILDER]: builder API routes", () => {
  it("POST streams a turn; GET returns its messages and changes; POST change undoes it", async () => {
    const gpt = await createGpt({ actor: owner, input: { name: "Untitled GPT" } });
    const response = await postTurn(gpt.id, {
      message: '[[scenario:toolCall]] [[tool:set_name {"name":"Trail Buddy"}]]',
      revision: gpt.revision,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    await response.text();

    let history = await historyRoute(
      appRequest(`/api/gpts/${gpt.id}/builder`),
      segment({ id: gpt.id }),
    ).then((r) => r.json());
    for (let i = 0; history.messages.length < 2 && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      history = await historyRoute(
        appRequest(`/api/gpts/${gpt.id}/builder`),
        segment({ id: gpt.id }),
      ).then((r) => r.json());
    }
    expect(history.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant"]);
    expect(history.changes).toEqual([
      expect.objectContaining({ field: "name", after: "Trail Buddy", status: "APPLIED" }),
    ]);

    const undo = await postChange(gpt.id, history.changes[0].id, {
      action: "undo",
      revision: gpt.revision + 1,
    });
    expect(undo.status).toBe(200);
    expect(await undo.json()).toMatchObject({
      change: { status: "UNDONE" },
      revision: gpt.revision + 2,
      draft: { field: "name", value: "Untitled GPT" },
    });
  });

  it("answers 404 to another user for history, turns and change actions", async () => {
    const gpt = await createGpt({ actor: owner, input: { name: "Private builder" } });
    const change = await prisma.builderChange.create({
      data: {
        gptId: gpt.id,
        field: "name",
        before: "a",
        after: "Private builder",
        status: "APPLIED",
      },
    });
    setSessionActor(stranger);
    const history = await historyRoute(
      appRequest(`/api/gpts/${gpt.id}/builder`),
      segment({ id: gpt.id }),
    );
    expect(history.status).toBe(404);
    const turn = await postTurn(gpt.id, { message: "hi", revision: gpt.revision });
    expect(turn.status).toBe(404);
    const undo = await postChange(gpt.id, change.id, { action: "undo", revision: gpt.revision });
    expect(undo.status).toBe(404);
    expect(
      (await prisma.builderChange.findUniqueOrThrow({ where: { id: change.id } })).status,
    ).toBe("APPLIED");
  });

  it("answers 409 to a stale revision and 400 to an unknown action or empty message", async () => {
    const gpt = await createGpt({ actor: owner, input: { name: "Stale" } });
    const stale = await postTurn(gpt.id, { message: "hi", revision: gpt.revision + 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/changed in another tab/);
    expect((await postTurn(gpt.id, { message: " ", revision: 1 })).status).toBe(400);
    expect((await postChange(gpt.id, "x", { action: "redo", revision: 1 })).status).toBe(400);
  });

  it("answers 401 when signed out", async () => {
    setSessionActor(null);
    const response = await historyRoute(appRequest("/api/gpts/x/builder"), segment({ id: "x" }));
    expect(response.status).toBe(401);
  });
});
