import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";

type DatabaseClient = Pick<typeof prisma, "$executeRaw">;

/**
 * Rebuilds the store search document from what the store shows: Gpt.searchVector (full text over
 * the published version's name, category, creator display name and description) and Gpt.searchText
 * (the short fields only, name, category and creator, for the typo-tolerant trigram match: matching
 * trigrams of whole descriptions cost ~20x the full-text match at 10,000 GPTs). Call it whenever one of those changes: publish,
 * restore, unpublish, creator profile rename. An unpublished GPT gets an empty document.
 * The store_listing_columns migration backfilled with the same statement: keep them in step.
 */
export async function refreshSearchDocuments(
  scope: { gptId: string } | { ownerId: string } | { categoryId: string } | "all",
  db: DatabaseClient = prisma,
): Promise<void> {
  const where =
    scope === "all"
      ? Prisma.sql`TRUE`
      : "gptId" in scope
        ? Prisma.sql`g."id" = ${scope.gptId}`
        : "ownerId" in scope
          ? Prisma.sql`g."ownerId" = ${scope.ownerId}`
          : Prisma.sql`v."categoryId" = ${scope.categoryId}`;
  await db.$executeRaw`
    UPDATE "Gpt" g
    SET "searchText" = lower(concat_ws(' ', v."name", c."name", p."displayName")),
        "searchVector" =
          setweight(to_tsvector('english', coalesce(v."name", '')), 'A') ||
          setweight(to_tsvector('english', concat_ws(' ', c."name", p."displayName")), 'B') ||
          setweight(to_tsvector('english', coalesce(v."description", '')), 'C')
    FROM "GptVersion" v
    LEFT JOIN "Category" c ON c."id" = v."categoryId"
    LEFT JOIN "BuilderProfile" p ON p."userId" = (SELECT "ownerId" FROM "Gpt" WHERE "id" = v."gptId")
    WHERE v."id" = g."publishedVersionId" AND ${where}`;
  if (scope !== "all" && "gptId" in scope) {
    await db.$executeRaw`
      UPDATE "Gpt" SET "searchText" = '', "searchVector" = NULL
      WHERE "id" = ${scope.gptId} AND "publishedVersionId" IS NULL`;
  }
}
