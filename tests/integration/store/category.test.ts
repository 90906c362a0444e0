import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listCategoryGpts } from "@/lib/store/category-queries";
import { getStoreHome } from "@/lib/store/home-queries";
import { createCreator, publishListedGpt } from "./store-helpers";

const names = async (sort: "trending" | "top-rated" | "most-used" | "newest", page = 1) =>
  (await listCategoryGpts({ categorySlug: "education", sort, page }))?.gpts.map((gpt) => gpt.name);

beforeAll(async () => {
  const creator = await createCreator("Tutor Guild");
  // Published in this order: Algebra oldest, Chemistry newest.
  await publishListedGpt(creator, {
    name: "Algebra Tutor",
    category: "education",
    stats: {
      trendingScore: 1,
      ratingCount: 50,
      ratingSum: 240,
      ratingScore: 4.6,
      conversationCount: 30,
    },
  });
  await publishListedGpt(creator, {
    name: "Biology Tutor",
    category: "education",
    stats: {
      trendingScore: 3,
      ratingCount: 5,
      ratingSum: 15,
      ratingScore: 3.3,
      conversationCount: 900,
    },
  });
  await publishListedGpt(creator, {
    name: "Chemistry Tutor",
    category: "education",
    stats: { trendingScore: 0, conversationCount: 5 },
  });
  await publishListedGpt(creator, { name: "Sourdough Baker", category: "lifestyle" });
});

describe("[STORE]: category pages", () => {
  it("[STORE]: each sort orders the category's GPTs, and other categories stay out", async () => {
    expect(await names("trending")).toEqual(["Biology Tutor", "Algebra Tutor", "Chemistry Tutor"]);
    expect(await names("top-rated")).toEqual(["Algebra Tutor", "Biology Tutor", "Chemistry Tutor"]);
    expect(await names("most-used")).toEqual(["Biology Tutor", "Algebra Tutor", "Chemistry Tutor"]);
    expect(await names("newest")).toEqual(["Chemistry Tutor", "Biology Tutor", "Algebra Tutor"]);
  });

  it("[STORE]: pages hold 24 GPTs with the total, and pages never overlap", async () => {
    const creator = await createCreator("Bulk Teacher");
    for (let index = 0; index < 25; index++) {
      await publishListedGpt(creator, { name: `Flashcards ${index}`, category: "education" });
    }
    const first = await listCategoryGpts({ categorySlug: "education", sort: "most-used", page: 1 });
    const second = await listCategoryGpts({
      categorySlug: "education",
      sort: "most-used",
      page: 2,
    });
    expect(first).toMatchObject({ total: 28, pageCount: 2, page: 1 });
    expect(first?.gpts).toHaveLength(24);
    expect(second?.gpts).toHaveLength(4);
    const ids = new Set([...(first?.gpts ?? []), ...(second?.gpts ?? [])].map((gpt) => gpt.id));
    expect(ids.size).toBe(28);
    const past = await listCategoryGpts({ categorySlug: "education", sort: "most-used", page: 9 });
    expect(past).toMatchObject({ total: 28, gpts: [] });
  });

  it("[STORE]: 'all' lists every category", async () => {
    const all = await listCategoryGpts({ categorySlug: "all", sort: "newest" });
    expect(all?.category).toBeNull();
    // The 28 education GPTs and the lifestyle one.
    expect(all?.total).toBe(29);
    const lastPage = await listCategoryGpts({ categorySlug: "all", sort: "newest", page: 2 });
    expect(lastPage?.gpts.map((gpt) => gpt.name)).toContain("Sourdough Baker");
  });

  it("[STORE]: the home shows Featured newest first, rows only when not empty, categories in order", async () => {
    const [algebra, biology] = await Promise.all(
      ["Algebra Tutor", "Biology Tutor"].map((name) =>
        prisma.gpt.findFirstOrThrow({ where: { name } }),
      ),
    );
    await prisma.gpt.update({ where: { id: algebra.id }, data: { featuredAt: new Date(1_000) } });
    await prisma.gpt.update({ where: { id: biology.id }, data: { featuredAt: new Date(2_000) } });
    const home = await getStoreHome();
    const row = (id: string) => home.rows.find((candidate) => candidate.id === id);
    expect(row("featured")?.gpts.map((gpt) => gpt.name)).toEqual([
      "Biology Tutor",
      "Algebra Tutor",
    ]);
    expect(row("top-rated")?.gpts.map((gpt) => gpt.name)).toEqual([
      "Algebra Tutor",
      "Biology Tutor",
    ]);
    expect(row("category-writing")).toBeUndefined();
    const rowIds = home.rows.map((candidate) => candidate.id);
    expect(rowIds.indexOf("category-education")).toBeLessThan(rowIds.indexOf("category-lifestyle"));
    expect(row("category-education")?.seeAllHref).toBe("/categories/education");
    expect(row("trending")?.seeAllHref).toBe("/categories/all");
  });
});
