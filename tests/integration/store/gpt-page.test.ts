import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { listMoreByCreator } from "@/lib/store/more-by-creator";
import { createActor, ensureBuilderProfile } from "../../support/factories";

let sequence = 0;

/** A published GPT; the published version's store fields are set directly (what a publish froze). */
async function publishedGpt(
  owner: Actor,
  {
    visibility = "PUBLIC",
    name,
    instructions = "Be brief.",
    version = {},
  }: {
    visibility?: "PRIVATE" | "LINK" | "PUBLIC";
    name?: string;
    instructions?: string;
    version?: { capabilities?: string[]; actions?: object[]; categoryId?: string };
  } = {},
) {
  sequence += 1;
  const gpt = await createGpt({
    actor: owner,
    input: {
      name: name ?? `Store Page GPT ${sequence}`,
      description: "Helps with store pages.",
      instructions,
      conversationStarters: ["Where do I start?"],
    },
  });
  await ensureBuilderProfile(owner);
  await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility } });
  const { publishedVersionId } = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
  if (Object.keys(version).length > 0) {
    await prisma.gptVersion.update({ where: { id: publishedVersionId! }, data: version });
  }
  return gpt;
}

function action(id: string, serverUrl: string, privacyPolicyUrl: string | null) {
  return {
    id,
    kind: "OPENAPI",
    name: `Action ${id}`,
    domain: new URL(serverUrl).host,
    serverUrl,
    operations: [],
    disabledOperations: [],
    authKind: "API_KEY",
    authConfig: { placement: "header", name: "x-api-key" },
    secretCiphertext: "CIPHERTEXT-MUST-NOT-LEAK",
    privacyPolicyUrl,
  };
}

describe("[STORE]: the GPT page payload", () => {
  let owner: Actor;
  let visitor: Actor;
  let category: { id: string; slug: string; name: string };

  beforeAll(async () => {
    owner = await createActor({ name: "Page Owner" });
    visitor = await createActor();
    const profile = await ensureBuilderProfile(owner, "Harbour Studio");
    await prisma.builderProfile.update({
      where: { id: profile.id },
      data: { verifiedDomain: "harbour.example", domainVerifiedAt: new Date() },
    });
    category = await prisma.category.create({
      data: { slug: "page-writing", name: "Page Writing" },
      select: { id: true, slug: true, name: true },
    });
  });

  it("carries the creator's handle and badge, the category, capabilities with action domains and the plain-mean rating", async () => {
    const gpt = await publishedGpt(owner, {
      version: {
        categoryId: category.id,
        capabilities: ["knowledge", "actions", "web_browsing"],
        actions: [
          action("a1", "https://api.weather.example/v1", "https://weather.example/privacy"),
          action("a2", "https://api.weather.example/v2", null),
          action("a3", "https://maps.example", null),
        ],
      },
    });
    await prisma.gpt.update({
      where: { id: gpt.id },
      data: { ratingCount: 3, ratingSum: 13, conversationCount: 42 },
    });
    const handle = (await prisma.builderProfile.findUniqueOrThrow({ where: { userId: owner.id } }))
      .handle;

    const page = await getGptPage({ actor: null, slug: gpt.slug });

    expect(page).toMatchObject({
      creatorName: "Harbour Studio",
      creatorHandle: handle,
      isCreatorVerified: true,
      categoryName: "Page Writing",
      categorySlug: "page-writing",
      capabilities: ["knowledge", "actions", "web_browsing"],
      rating: 4.3,
      ratingCount: 3,
      conversationCount: 42,
      isListed: true,
      isOwner: false,
    });
    expect(page?.actionServices).toEqual([
      { domain: "api.weather.example", privacyPolicyUrl: "https://weather.example/privacy" },
      { domain: "maps.example", privacyPolicyUrl: null },
    ]);
    expect(JSON.stringify(page)).not.toContain("CIPHERTEXT-MUST-NOT-LEAK");
  });

  it("an unrated GPT has no rating (not zero stars) and no category when it has none", async () => {
    const gpt = await publishedGpt(owner);
    const page = await getGptPage({ actor: visitor, slug: gpt.slug });
    expect(page).toMatchObject({
      rating: null,
      ratingCount: 0,
      categoryName: null,
      categorySlug: null,
    });
    expect(page?.actionServices).toEqual([]);
  });

  it("never carries the instructions unless the owner allows viewing settings and remixing", async () => {
    const marker = `SECRET-INSTRUCTIONS-${Date.now()}`;
    const gpt = await publishedGpt(owner, { instructions: marker });

    for (const actor of [null, visitor]) {
      const page = await getGptPage({ actor, slug: gpt.slug });
      expect(page?.settings).toBeNull();
      expect(JSON.stringify(page)).not.toContain(marker);
    }

    await prisma.gpt.update({ where: { id: gpt.id }, data: { allowRemix: true } });
    const page = await getGptPage({ actor: visitor, slug: gpt.slug });
    expect(page?.settings?.instructions).toBe(marker);
  });
});

describe("[STORE]: who gets a GPT page, and which are indexable", () => {
  it("a private GPT is a 404 for everyone but its owner, who gets a page that is not listed", async () => {
    const owner = await createActor();
    const gpt = await publishedGpt(owner, { visibility: "PRIVATE" });
    expect(await getGptPage({ actor: null, slug: gpt.slug })).toBeNull();
    expect(await getGptPage({ actor: await createActor(), slug: gpt.slug })).toBeNull();
    expect(await getGptPage({ actor: owner, slug: gpt.slug })).toMatchObject({
      isOwner: true,
      isListed: false,
    });
  });

  it("link and unlisted GPTs open by link for visitors but are not listed (so not indexable)", async () => {
    const owner = await createActor();
    const link = await publishedGpt(owner, { visibility: "LINK" });
    const unlisted = await publishedGpt(owner);
    await prisma.gpt.update({ where: { id: unlisted.id }, data: { status: "UNLISTED" } });

    for (const gpt of [link, unlisted]) {
      expect(await getGptPage({ actor: null, slug: gpt.slug })).toMatchObject({
        id: gpt.id,
        isListed: false,
      });
    }
  });

  it("a removed GPT is a 404 for visitors and other users, but its owner and admins still open it", async () => {
    const owner = await createActor();
    const gpt = await publishedGpt(owner);
    await prisma.gpt.update({ where: { id: gpt.id }, data: { status: "REMOVED" } });

    expect(await getGptPage({ actor: null, slug: gpt.slug })).toBeNull();
    expect(await getGptPage({ actor: await createActor(), slug: gpt.slug })).toBeNull();
    expect(await getGptPage({ actor: owner, slug: gpt.slug })).toMatchObject({ isListed: false });
    const admin = await createActor({ role: "ADMIN" });
    expect(await getGptPage({ actor: admin, slug: gpt.slug })).toMatchObject({ isListed: false });
  });
});

describe("[STORE]: More by this creator", () => {
  it("lists only the owner's other listed GPTs, most used first", async () => {
    const owner = await createActor();
    const current = await publishedGpt(owner);
    const popular = await publishedGpt(owner, { name: "Popular sibling" });
    const quiet = await publishedGpt(owner, { name: "Quiet sibling" });
    await prisma.gpt.update({ where: { id: popular.id }, data: { conversationCount: 50 } });
    await prisma.gpt.update({ where: { id: quiet.id }, data: { conversationCount: 2 } });

    const link = await publishedGpt(owner, { visibility: "LINK" });
    const privateGpt = await publishedGpt(owner, { visibility: "PRIVATE" });
    const unlisted = await publishedGpt(owner);
    const removed = await publishedGpt(owner);
    const deleted = await publishedGpt(owner);
    await prisma.gpt.update({ where: { id: unlisted.id }, data: { status: "UNLISTED" } });
    await prisma.gpt.update({ where: { id: removed.id }, data: { status: "REMOVED" } });
    await prisma.gpt.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const draftOnly = await createGpt({ actor: owner, input: { name: "Never published" } });
    await prisma.gpt.update({ where: { id: draftOnly.id }, data: { visibility: "PUBLIC" } });
    const stranger = await publishedGpt(await createActor());

    const cards = await listMoreByCreator({ gptId: current.id });

    expect(cards.map((card) => card.id)).toEqual([popular.id, quiet.id]);
    const hidden = [current, link, privateGpt, unlisted, removed, deleted, draftOnly, stranger];
    for (const gpt of hidden) expect(cards.map((card) => card.id)).not.toContain(gpt.id);
    expect(cards[0]).toMatchObject({ name: "Popular sibling", conversationCount: 50 });
  });

  it("is empty for a GPT whose creator has no other listed GPT, and for a banned creator", async () => {
    const owner = await createActor();
    const only = await publishedGpt(owner);
    expect(await listMoreByCreator({ gptId: only.id })).toEqual([]);

    const banned = await createActor();
    const first = await publishedGpt(banned);
    await publishedGpt(banned);
    await prisma.user.update({ where: { id: banned.id }, data: { bannedAt: new Date() } });
    expect(await listMoreByCreator({ gptId: first.id })).toEqual([]);
  });
});
