import { describe, expect, it } from "vitest";
import { visiblePages } from "@/components/store/pagination";
import {
  categoryHref,
  categoryParamsSchema,
  MAX_STORE_PAGE,
  searchHref,
  searchParamsSchema,
} from "@/lib/store/browse-rules";

describe("[STORE]: store list URLs", () => {
  it("[STORE]: bad sort and page values fall back to trending, page 1", () => {
    expect(categoryParamsSchema.parse({ sort: "random", page: "-3" })).toEqual({
      sort: "trending",
      page: 1,
    });
    expect(categoryParamsSchema.parse({ sort: "top-rated", page: "4" })).toEqual({
      sort: "top-rated",
      page: 4,
    });
    expect(categoryParamsSchema.parse({ page: String(MAX_STORE_PAGE + 1) }).page).toBe(1);
  });

  it("[STORE]: search params are trimmed, capped, and unknown capabilities ignored", () => {
    const parsed = searchParamsSchema.parse({ q: "  wrting coach ", capability: "magic" });
    expect(parsed.q).toBe("wrting coach");
    expect(parsed.capability).toBeUndefined();
    expect(searchParamsSchema.parse({ q: "x".repeat(500) }).q).toHaveLength(200);
  });

  it("[STORE]: default sort and page 1 are left out so each page has one canonical URL", () => {
    expect(categoryHref("writing")).toBe("/categories/writing");
    expect(categoryHref("writing", { sort: "trending", page: 1 })).toBe("/categories/writing");
    expect(categoryHref("writing", { sort: "newest", page: 3 })).toBe(
      "/categories/writing?sort=newest&page=3",
    );
    expect(searchHref({ q: "sql", capability: "actions", page: 2 })).toBe(
      "/search?q=sql&capability=actions&page=2",
    );
  });

  it("[STORE]: pagination shows the ends and the pages around the current one", () => {
    expect(visiblePages(1, 3)).toEqual([1, 2, 3]);
    expect(visiblePages(10, 20)).toEqual([1, "gap", 8, 9, 10, 11, 12, "gap", 20]);
  });
});
