import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { searchGpts } from "@/lib/store/search";
import { createCreator, publishListedGpt } from "./store-helpers";

const names = async (query: Parameters<typeof searchGpts>[0]) =>
  (await searchGpts(query)).results.map((result) => result.name);

beforeAll(async () => {
  const ada = await createCreator("Ada Quillfeather");
  const bo = await createCreator("Bo Sandvik");
  await publishListedGpt(ada, {
    name: "Writing Coach",
    description: "Tightens your prose and explains every edit.",
    category: "writing",
  });
  await publishListedGpt(bo, {
    name: "Postgres Tuner",
    description: "Finds slow queries and suggests indexes.",
    category: "programming",
    capabilities: ["knowledge"],
  });
  await publishListedGpt(bo, {
    name: "Webhook Caller",
    description: "Calls your webhooks and reads the replies.",
    category: "programming",
    capabilities: ["actions"],
  });
  // Three equal matches for "gardening" that differ only by rating and usage.
  await publishListedGpt(bo, {
    name: "Gardening Helper Basic",
    description: "Gardening advice for balconies.",
    category: "lifestyle",
    stats: { ratingCount: 20, ratingSum: 50, ratingScore: 2.7, conversationCount: 10 },
  });
  await publishListedGpt(bo, {
    name: "Gardening Helper Loved",
    description: "Gardening advice for balconies.",
    category: "lifestyle",
    stats: { ratingCount: 80, ratingSum: 376, ratingScore: 4.6, conversationCount: 10 },
  });
  await publishListedGpt(bo, {
    name: "Gardening Helper Busy",
    description: "Gardening advice for balconies.",
    category: "lifestyle",
    stats: { ratingCount: 20, ratingSum: 50, ratingScore: 2.7, conversationCount: 5000 },
  });
});

describe("[STORE]: search", () => {
  it("[STORE]: finds GPTs by name, description, category name and creator name", async () => {
    expect(await names({ query: "writing coach" })).toContain("Writing Coach");
    expect(await names({ query: "slow queries" })).toEqual(["Postgres Tuner"]);
    expect(await names({ query: "Programming" })).toEqual(
      expect.arrayContaining(["Postgres Tuner", "Webhook Caller"]),
    );
    expect(await names({ query: "Quillfeather" })).toEqual(["Writing Coach"]);
  });

  it("[STORE]: a typo still finds the GPT, marked as a close match", async () => {
    const result = await searchGpts({ query: "wrting coach" });
    expect(result.results[0]?.name).toBe("Writing Coach");
    expect(result.results[0]?.isCloseMatch).toBe(true);
    expect(result.isCloseMatchesOnly).toBe(true);
    expect(await names({ query: "wrting" })).toContain("Writing Coach");
    expect(await names({ query: "postgres tunr" })).toContain("Postgres Tuner");
  });

  it("[STORE]: a query matching nothing returns no results, and an empty query searches nothing", async () => {
    expect((await searchGpts({ query: "xylophone zeppelin" })).total).toBe(0);
    const empty = await searchGpts({ query: "   " });
    expect(empty).toMatchObject({ total: 0, results: [] });
  });

  it("[STORE]: filters by category and by capability of the published version", async () => {
    expect(await names({ query: "programming", capability: "knowledge" })).toEqual([
      "Postgres Tuner",
    ]);
    expect(await names({ query: "programming", capability: "actions" })).toEqual([
      "Webhook Caller",
    ]);
    expect(await names({ query: "gardening", category: "programming" })).toEqual([]);
    expect(await names({ query: "gardening", category: "lifestyle" })).toHaveLength(3);
    expect(await names({ query: "gardening", category: "no-such-category" })).toEqual([]);
  });

  it("[STORE]: among equal matches the better rated comes first, and the more used", async () => {
    const order = await names({ query: "gardening helper" });
    expect(order).toHaveLength(3);
    // Basic and Loved differ only by rating; Basic and Busy only by usage.
    expect(order.indexOf("Gardening Helper Loved")).toBeLessThan(
      order.indexOf("Gardening Helper Basic"),
    );
    expect(order.indexOf("Gardening Helper Busy")).toBeLessThan(
      order.indexOf("Gardening Helper Basic"),
    );
  });

  it("[STORE]: results come in pages of 24 with the total of all matches", async () => {
    const bulk = await createCreator("Bulk Maker");
    for (let index = 0; index < 26; index++) {
      await publishListedGpt(bulk, { name: `Origami Guide ${index}`, category: "lifestyle" });
    }
    const first = await searchGpts({ query: "origami" });
    const second = await searchGpts({ query: "origami", page: 2 });
    expect(first).toMatchObject({ total: 26, pageCount: 2 });
    expect(first.results).toHaveLength(24);
    expect(second.results).toHaveLength(2);
    const ids = new Set([...first.results, ...second.results].map((result) => result.id));
    expect(ids.size).toBe(26);
  });

  it("[STORE]: the search uses the trigram and full-text indexes", async () => {
    // Planner choices depend on table size; with sequential scans off, a missing index shows.
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Gpt" g WHERE g."searchVector" @@ websearch_to_tsquery('english', 'coach') OR g."searchText" %> 'wrting'`,
      );
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("Gpt_searchText_trgm_idx");
    expect(text).toContain("Gpt_searchVector_idx");
  });
});
