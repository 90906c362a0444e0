import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import {
  MAX_SEARCH_QUERY_LENGTH,
  pageCountOf,
  type SearchCapability,
  STORE_PAGE_SIZE,
} from "./browse-rules";
import { type StoreGptCard, storeCardSelect, toStoreCards } from "./card";
import { categoryMapOf, listStoreCategories } from "./categories";
import { DEFAULT_RATING_PRIOR_MEAN } from "./ranking";
import {
  SEARCH_RATING_WEIGHT,
  SEARCH_SIMILARITY_THRESHOLD,
  SEARCH_TEXT_RANK_WEIGHT,
  SEARCH_USAGE_SATURATION,
  SEARCH_USAGE_WEIGHT,
} from "./search-rank";

export type SearchResult = StoreGptCard & {
  /** Found only by trigram similarity (a typo or a partial word), not by the full-text match. */
  isCloseMatch: boolean;
};

export type SearchGptsResult = {
  query: string;
  results: SearchResult[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Every result is a close match: the page says so ("Showing close matches for …"). */
  isCloseMatchesOnly: boolean;
};

type MatchRow = { id: string; isTextMatch: boolean; total: bigint };

/** The formula of lib/store/search-rank.ts (searchScore) as SQL over the `matches` columns. */
const searchScoreSql = Prisma.raw(`
  ("similarity" + ${SEARCH_TEXT_RANK_WEIGHT} * "textRank")
  * (1
     + ${SEARCH_RATING_WEIGHT} * LEAST(1, GREATEST(0,
         (CASE WHEN "ratingCount" > 0 THEN "ratingScore" ELSE ${DEFAULT_RATING_PRIOR_MEAN} END - 1) / 4))
     + ${SEARCH_USAGE_WEIGHT} * LEAST(1,
         ln(1 + GREATEST(0, "conversationCount")) / ln(${1 + SEARCH_USAGE_SATURATION})))`);

/**
 * Store search: listed GPTs whose search document matches the query in full text
 * (websearch_to_tsquery over Gpt.searchVector) or, when the full text finds less than a page, by
 * trigram word similarity over Gpt.searchText (so "wrting coach" finds "Writing Coach"), optionally in one category and with a capability of
 * the published version. Ordered by relevance × quality (see lib/store/search-rank.ts), 24 a page.
 * An empty query searches nothing.
 */
export async function searchGpts({
  query,
  category,
  capability,
  page = 1,
}: {
  query: string;
  category?: string;
  capability?: SearchCapability;
  page?: number;
}): Promise<SearchGptsResult> {
  const q = query.trim().slice(0, MAX_SEARCH_QUERY_LENGTH);
  const pageNumber = Math.max(1, Math.floor(page));
  const empty: SearchGptsResult = {
    query: q,
    results: [],
    total: 0,
    page: pageNumber,
    pageSize: STORE_PAGE_SIZE,
    pageCount: 1,
    isCloseMatchesOnly: false,
  };
  if (!q) return empty;

  const categories = await listStoreCategories();
  const categoryRow = category ? categories.find((row) => row.slug === category) : undefined;
  if (category && !categoryRow) return empty;

  const tsQuery = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const categoryFilter = categoryRow
    ? Prisma.sql`AND v."categoryId" = ${categoryRow.id}`
    : Prisma.empty;
  const capabilityFilter = capability
    ? Prisma.sql`AND ${capability} = ANY(v."capabilities")`
    : Prisma.empty;

  const visible = Prisma.sql`
    FROM "Gpt" g
    JOIN "GptVersion" v ON v."id" = g."publishedVersionId"
    JOIN "User" u ON u."id" = g."ownerId"
    WHERE g."visibility" = 'PUBLIC' AND g."status" = 'ACTIVE' AND g."deletedAt" IS NULL
      AND u."bannedAt" IS NULL ${categoryFilter} ${capabilityFilter}`;

  const rows = await prisma.$transaction(async (tx) => {
    // Full text first: it is cheap through its GIN index. The trigram match (the typo-tolerant
    // part) rechecks every candidate document and costs ~20× more, so it joins in only when the
    // full text finds less than a page; a query that already has plenty of exact matches is
    // served from those.
    const [{ count }] = await tx.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS "count" ${visible} AND g."searchVector" @@ ${tsQuery}`;
    const isFuzzy = Number(count) < STORE_PAGE_SIZE;
    // %> filters at pg_trgm.word_similarity_threshold (0.6 by default, too strict for one-letter
    // typos in a short word); set for this transaction only.
    if (isFuzzy) {
      await tx.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(SEARCH_SIMILARITY_THRESHOLD)}, true)`;
    }
    const match = isFuzzy
      ? Prisma.sql`(g."searchVector" @@ ${tsQuery} OR g."searchText" %> ${q})`
      : Prisma.sql`g."searchVector" @@ ${tsQuery}`;
    return tx.$queryRaw<MatchRow[]>`
      WITH matches AS (
        SELECT g."id",
          coalesce(g."searchVector" @@ ${tsQuery}, false) AS "isTextMatch",
          coalesce(ts_rank(g."searchVector", ${tsQuery}, 32), 0) AS "textRank",
          word_similarity(${q}, g."searchText") AS "similarity",
          g."ratingScore", g."ratingCount", g."conversationCount"
        ${visible} AND ${match}
      )
      SELECT "id", "isTextMatch", count(*) OVER () AS "total"
      FROM matches
      ORDER BY ${searchScoreSql} DESC, "id"
      LIMIT ${STORE_PAGE_SIZE} OFFSET ${(pageNumber - 1) * STORE_PAGE_SIZE}`;
  });

  // A page past the last one has no row to carry the count: it reads as "no results" there.
  if (rows.length === 0) return empty;
  const total = Number(rows[0].total);

  const cardsById = new Map(
    toStoreCards(
      await prisma.gpt.findMany({
        where: { id: { in: rows.map((row) => row.id) } },
        select: storeCardSelect,
      }),
      categoryMapOf(categories),
    ).map((card) => [card.id, card]),
  );
  const results = rows.flatMap((row) => {
    const card = cardsById.get(row.id);
    return card ? [{ ...card, isCloseMatch: !row.isTextMatch }] : [];
  });
  return {
    query: q,
    results,
    total,
    page: pageNumber,
    pageSize: STORE_PAGE_SIZE,
    pageCount: pageCountOf(total),
    isCloseMatchesOnly: results.length > 0 && results.every((result) => result.isCloseMatch),
  };
}
