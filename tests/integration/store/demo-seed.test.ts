import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getStoreHome } from "@/lib/store/home-queries";
import { searchGpts } from "@/lib/store/search";
import { seedDatabase } from "@/prisma/seed";
import { DEMO_GPTS } from "@/prisma/seed/demo-gpts";

describe("[STORE]: demo seed", () => {
  it("[STORE]: a fresh instance lists every demo GPT by category, searchable at once, with no fake ratings or usage", async () => {
    await seedDatabase(prisma as never, { withDemoContent: true });
    const home = await getStoreHome();
    const listed = new Set(home.rows.flatMap((row) => row.gpts.map((gpt) => gpt.slug)));
    for (const demo of DEMO_GPTS) expect(listed.has(demo.slug), demo.slug).toBe(true);
    const categoryRows = home.rows.filter((row) => row.id.startsWith("category-"));
    expect(categoryRows.length).toBeGreaterThanOrEqual(6);
    expect(home.rows.find((row) => row.id === "top-rated")).toBeUndefined();
    expect(home.rows.find((row) => row.id === "trending")).toBeUndefined();

    const found = await searchGpts({ query: "wrting coach" });
    expect(found.results[0]).toMatchObject({
      slug: "demo-writing-coach",
      name: "Writing Coach",
      creatorName: "Atelier Demo",
      isDemo: true,
      rating: null,
      ratingCount: 0,
      conversationCount: 0,
    });
  });
});
