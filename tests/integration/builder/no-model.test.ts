import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as turnRoute } from "@/app/api/gpts/[id]/builder/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

// This file's database has no model at all.
let owner: Actor;

beforeEach(async () => {
  owner ??= await createActor();
  setSessionActor(owner);
});

describe("[BUILDER]: the Create tab without a model", () => {
  it("answers 503 with an explanation, and saves nothing", async () => {
    const gpt = await createGpt({ actor: owner, input: { name: "No model yet" } });
    const response = await turnRoute(
      appRequest(`/api/gpts/${gpt.id}/builder`, {
        method: "POST",
        body: { message: "Make a hiking GPT", revision: gpt.revision },
      }),
      segment({ id: gpt.id }),
    );
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "unavailable" });
    expect(body.error.message).toContain("needs a model");
    expect(body.error.message).toContain("Admin → Models");
    expect(await prisma.conversation.count({ where: { gptId: gpt.id } })).toBe(0);
  });
});
