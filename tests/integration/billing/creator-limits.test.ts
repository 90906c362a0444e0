import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { setGptVisibility } from "@/lib/gpts/set-gpt-visibility";
import { getKnowledgeLimits } from "@/lib/settings/instance-settings";
import { expectAppError } from "../../support/app-error";
import {
  createActor,
  createPublishedGpt,
  ensureBuilderProfile,
  uploadTextKnowledge,
} from "../../support/factories";

const MB = 1024 * 1024;

beforeAll(async () => {
  // The Free plan: one public GPT and 1 MB of knowledge per creator.
  await prisma.plan.update({
    where: { id: "free" },
    data: { maxPublicGpts: 1, knowledgeMaxMb: 1 },
  });
});

async function draftGpt(owner: Awaited<ReturnType<typeof createActor>>, name: string) {
  return createGpt({
    actor: owner,
    input: { name, description: "", instructions: "Be brief.", conversationStarters: [] },
  });
}

describe("[BILLING]: the creator's plan limits public GPTs and knowledge storage", () => {
  it("a creator on Free publishes one GPT publicly; the second is refused with why and what to do, by link it goes", async () => {
    const owner = await createActor();
    await createPublishedGpt(owner, { name: "First" });
    const second = await draftGpt(owner, "Second");
    const error = await expectAppError(
      publishGpt({ actor: owner, gptId: second.id, input: { visibility: "PUBLIC" } }),
      "limit_exceeded",
    );
    expect(error.message).toBe(
      "The Free plan allows 1 public GPT, and you have 1. Share this one by link, or make another one private.",
    );
    expect(await prisma.gptVersion.count({ where: { gptId: second.id } })).toBe(0);
    await publishGpt({ actor: owner, gptId: second.id, input: { visibility: "LINK" } });
    await expectAppError(
      setGptVisibility({ actor: owner, gptId: second.id, input: { visibility: "PUBLIC" } }),
      "limit_exceeded",
    );
  });

  it("a public GPT republished stays public; making another private frees its place", async () => {
    const owner = await createActor();
    const first = await createPublishedGpt(owner, { name: "First" });
    await publishGpt({ actor: owner, gptId: first.id, input: { visibility: "PUBLIC" } });
    const second = await draftGpt(owner, "Second");
    await ensureBuilderProfile(owner);
    await publishGpt({ actor: owner, gptId: second.id, input: { visibility: "LINK" } });
    await setGptVisibility({ actor: owner, gptId: first.id, input: { visibility: "PRIVATE" } });
    await setGptVisibility({ actor: owner, gptId: second.id, input: { visibility: "PUBLIC" } });
    const saved = await prisma.gpt.findUniqueOrThrow({ where: { id: second.id } });
    expect(saved.visibility).toBe("PUBLIC");
  });

  it("knowledge storage per creator is the smaller of the instance's limit and the plan's", async () => {
    const owner = await createActor();
    expect((await getKnowledgeLimits(owner.id)).maxBytesPerCreator).toBe(1 * MB);
    const gpt = await draftGpt(owner, "Notes");
    await uploadTextKnowledge(owner, gpt.id, { name: "a.md", text: "a".repeat(700_000) });
    const error = await expectAppError(
      uploadTextKnowledge(owner, gpt.id, { name: "b.md", text: "b".repeat(700_000) }),
      "limit_exceeded",
    );
    expect(error.message).toContain("1 MB");
  });
});
