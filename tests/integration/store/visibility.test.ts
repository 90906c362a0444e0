import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listCategoryGpts } from "@/lib/store/category-queries";
import { getStoreHome } from "@/lib/store/home-queries";
import { searchGpts } from "@/lib/store/search";
import { createCreator, publishListedGpt } from "./store-helpers";

/** Every unlisted kind shares the word "Lighthouse" so one search would find them all. */
const hidden: Record<string, string> = {};
let listedId: string;

async function everywhere(): Promise<Set<string>> {
  const home = await getStoreHome();
  const ids = new Set(home.rows.flatMap((row) => row.gpts.map((gpt) => gpt.id)));
  for (const sort of ["trending", "top-rated", "most-used", "newest"] as const) {
    for (const slug of ["all", "research"]) {
      const page = await listCategoryGpts({ categorySlug: slug, sort });
      for (const gpt of page?.gpts ?? []) ids.add(gpt.id);
    }
  }
  for (const query of ["lighthouse", "lighthuse keeper", "Research"]) {
    for (const gpt of (await searchGpts({ query })).results) ids.add(gpt.id);
  }
  return ids;
}

beforeAll(async () => {
  const creator = await createCreator("Harbour Works");
  const banned = await createCreator("Banned Builder");
  // Featured, trending and rated, so every home row would show them if they were listed.
  const stats = { trendingScore: 5, ratingCount: 10, ratingSum: 50, ratingScore: 4.5 };
  const make = async (kind: string, visibility: "PUBLIC" | "LINK" | "PRIVATE" = "PUBLIC") => {
    const gpt = await publishListedGpt(kind === "banned" ? banned : creator, {
      name: `Lighthouse Keeper ${kind}`,
      category: "research",
      visibility,
      stats,
    });
    await prisma.gpt.update({ where: { id: gpt.id }, data: { featuredAt: new Date() } });
    hidden[kind] = gpt.id;
    return gpt;
  };
  listedId = (await make("listed")).id;
  delete hidden.listed;
  await make("private", "PRIVATE");
  await make("link", "LINK");
  const unlisted = await make("unlisted");
  await prisma.gpt.update({ where: { id: unlisted.id }, data: { status: "UNLISTED" } });
  const removed = await make("removed");
  await prisma.gpt.update({ where: { id: removed.id }, data: { status: "REMOVED" } });
  const deleted = await make("deleted");
  await prisma.gpt.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
  await make("banned");
  await prisma.user.update({ where: { id: banned.id }, data: { bannedAt: new Date() } });
  // A public GPT whose published version was withdrawn (draft only).
  const unpublished = await make("unpublished");
  await prisma.gpt.update({
    where: { id: unpublished.id },
    data: { publishedVersionId: null },
  });
});

describe("[STORE]: visibility", () => {
  it("[STORE]: a listed GPT appears in every home row, category sort and search", async () => {
    const home = await getStoreHome();
    for (const rowId of ["featured", "trending", "top-rated", "new", "category-research"]) {
      const row = home.rows.find((candidate) => candidate.id === rowId);
      expect(
        row?.gpts.map((gpt) => gpt.id),
        rowId,
      ).toContain(listedId);
    }
    expect((await everywhere()).has(listedId)).toBe(true);
  });

  it("[STORE]: private, link, unlisted, removed, deleted, banned-creator and unpublished GPTs are never listed nor searchable", async () => {
    const ids = await everywhere();
    for (const [kind, id] of Object.entries(hidden)) {
      expect(ids.has(id), kind).toBe(false);
    }
    expect(Object.keys(hidden)).toHaveLength(7);
  });

  it("[STORE]: an unknown category is not found, and an empty store says so", async () => {
    expect(await listCategoryGpts({ categorySlug: "no-such-thing", sort: "trending" })).toBeNull();
    expect((await getStoreHome()).isEmpty).toBe(false);
  });
});
