import { beforeAll, describe, expect, it } from "vitest";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { listSitemapEntries, type SitemapEntry } from "@/lib/store/sitemap";
import { createActor, ensureBuilderProfile } from "../../support/factories";

async function publishedGpt(
  owner: Actor,
  visibility: "PRIVATE" | "LINK" | "PUBLIC" = "PUBLIC",
  categoryId?: string,
) {
  const gpt = await createGpt({ actor: owner, input: { name: "Sitemap GPT" } });
  await ensureBuilderProfile(owner);
  await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility } });
  if (categoryId) {
    const { publishedVersionId } = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
    await prisma.gptVersion.update({ where: { id: publishedVersionId! }, data: { categoryId } });
  }
  return gpt;
}

async function handleOf(actor: Actor): Promise<string> {
  return (await prisma.builderProfile.findUniqueOrThrow({ where: { userId: actor.id } })).handle;
}

describe("[STORE]: the sitemap", () => {
  let entries: SitemapEntry[];
  let paths: string[];
  const gpts: Record<string, { id: string; slug: string }> = {};
  const creators: Record<string, Actor> = {};
  let listedCategorySlug: string;
  let emptyCategorySlug: string;

  beforeAll(async () => {
    const listed = await prisma.category.create({ data: { slug: "map-listed", name: "Listed" } });
    const empty = await prisma.category.create({ data: { slug: "map-empty", name: "Empty" } });
    listedCategorySlug = listed.slug;
    emptyCategorySlug = empty.slug;

    creators.public = await createActor({ name: "Public Maker" });
    creators.linkOnly = await createActor({ name: "Link Maker" });
    creators.banned = await createActor({ name: "Banned Maker" });

    gpts.public = await publishedGpt(creators.public, "PUBLIC", listed.id);
    gpts.private = await publishedGpt(creators.public, "PRIVATE", empty.id);
    gpts.unlisted = await publishedGpt(creators.public, "PUBLIC", empty.id);
    gpts.removed = await publishedGpt(creators.public, "PUBLIC", empty.id);
    gpts.deleted = await publishedGpt(creators.public, "PUBLIC", empty.id);
    gpts.link = await publishedGpt(creators.linkOnly, "LINK", empty.id);
    gpts.banned = await publishedGpt(creators.banned, "PUBLIC", empty.id);
    await prisma.gpt.update({ where: { id: gpts.unlisted.id }, data: { status: "UNLISTED" } });
    await prisma.gpt.update({ where: { id: gpts.removed.id }, data: { status: "REMOVED" } });
    await prisma.gpt.update({ where: { id: gpts.deleted.id }, data: { deletedAt: new Date() } });
    await prisma.user.update({
      where: { id: creators.banned.id },
      data: { bannedAt: new Date() },
    });

    entries = await listSitemapEntries();
    paths = entries.map((entry) => entry.path);
  });

  it("lists the store home, every listed GPT dated by its published version, and its creator's profile", async () => {
    expect(paths).toContain("/");
    const entry = entries.find((candidate) => candidate.path === `/g/${gpts.public.slug}`);
    const published = await prisma.gpt.findUniqueOrThrow({
      where: { id: gpts.public.id },
      select: { publishedVersion: { select: { createdAt: true } } },
    });
    expect(entry?.lastModified).toEqual(published.publishedVersion?.createdAt);
    expect(paths).toContain(`/u/${await handleOf(creators.public)}`);
    expect(paths).toContain(`/categories/${listedCategorySlug}`);
  });

  it("never lists private, link-only, unlisted, removed or deleted GPTs, nor a banned creator's", async () => {
    for (const name of ["private", "link", "unlisted", "removed", "deleted", "banned"]) {
      expect(paths, name).not.toContain(`/g/${gpts[name]!.slug}`);
    }
  });

  it("lists no profile of a creator without listed GPTs, and no category without listed GPTs", async () => {
    expect(paths).not.toContain(`/u/${await handleOf(creators.linkOnly)}`);
    expect(paths).not.toContain(`/u/${await handleOf(creators.banned)}`);
    expect(paths).not.toContain(`/categories/${emptyCategorySlug}`);
  });

  it("app/sitemap.ts serves absolute URLs on the public base URL, and robots.txt points to it", async () => {
    const served = await sitemap();
    expect(served.map((entry) => entry.url)).toContain(
      new URL(`/g/${gpts.public.slug}`, appUrl).toString(),
    );
    expect(served.every((entry) => entry.url.startsWith(new URL("/", appUrl).toString()))).toBe(
      true,
    );
    expect(robots().sitemap).toBe(new URL("/sitemap.xml", appUrl).toString());
  });
});
