import { z } from "zod";

/**
 * URL rules of the store's lists, shared by pages, queries and links (no I/O, client-safe).
 * Unknown or malformed values fall back to the defaults rather than failing: these come from
 * hand-edited or stale URLs, and a store page should still render.
 */

export const STORE_PAGE_SIZE = 24;
/** Far beyond any real store; keeps OFFSET bounded for crawlers walking page numbers. */
export const MAX_STORE_PAGE = 500;

export const STORE_SORTS = ["trending", "top-rated", "most-used", "newest"] as const;
export type StoreSort = (typeof STORE_SORTS)[number];
export const DEFAULT_STORE_SORT: StoreSort = "trending";

export const STORE_SORT_LABELS: Record<StoreSort, string> = {
  trending: "Trending",
  "top-rated": "Top rated",
  "most-used": "Most used",
  newest: "Newest",
};

export const SEARCH_CAPABILITIES = ["knowledge", "actions"] as const;
export type SearchCapability = (typeof SEARCH_CAPABILITIES)[number];

export const SEARCH_CAPABILITY_LABELS: Record<SearchCapability, string> = {
  knowledge: "Knowledge",
  actions: "Actions",
};

/** The category slug that lists every listed GPT (the "See all" of the home's cross-category rows). */
export const ALL_CATEGORIES_SLUG = "all";

export const MAX_SEARCH_QUERY_LENGTH = 200;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const pageParamSchema = z.preprocess(
  firstValue,
  z.coerce.number().int().min(1).max(MAX_STORE_PAGE).catch(1),
);

export const sortParamSchema = z.preprocess(
  firstValue,
  z.enum(STORE_SORTS).catch(DEFAULT_STORE_SORT),
);

export const capabilityParamSchema = z.preprocess(
  firstValue,
  z.enum(SEARCH_CAPABILITIES).optional().catch(undefined),
);

const optionalText = (max: number) =>
  z.preprocess(
    firstValue,
    z
      .string()
      .transform((value) => value.trim().slice(0, max))
      .optional()
      .catch(undefined),
  );

/** `?sort=&page=` of a category page. */
export const categoryParamsSchema = z.object({ sort: sortParamSchema, page: pageParamSchema });

/** `?q=&category=&capability=&page=` of the search page. */
export const searchParamsSchema = z.object({
  q: optionalText(MAX_SEARCH_QUERY_LENGTH),
  category: optionalText(60),
  capability: capabilityParamSchema,
  page: pageParamSchema,
});

export function pageCountOf(total: number, pageSize = STORE_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A category page URL; defaults are left out so each page has one canonical URL. */
export function categoryHref(
  slug: string,
  { sort, page }: { sort?: StoreSort; page?: number } = {},
) {
  const params = new URLSearchParams();
  if (sort && sort !== DEFAULT_STORE_SORT) params.set("sort", sort);
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/categories/${encodeURIComponent(slug)}${query ? `?${query}` : ""}`;
}

export function searchHref({
  q,
  category,
  capability,
  page,
}: {
  q?: string;
  category?: string;
  capability?: SearchCapability;
  page?: number;
}) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (category) params.set("category", category);
  if (capability) params.set("capability", capability);
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/search${query ? `?${query}` : ""}`;
}
