import type { Database } from "../../../lib/db/open";
import { refreshStoreScores } from "../../../lib/store/refresh-store-scores";
import { refreshSearchDocuments } from "../../../lib/store/search-document";
import { DEFAULT_CATEGORIES, seedCategories } from "../../../prisma/seed/categories";
import { buildCatalog, type Catalog } from "./catalog";

/** Epoch milliseconds (float8) → timestamp(3) without time zone, as Prisma stores UTC instants. */
const TS = (column: string) => `(timestamp '1970-01-01' + ${column} * interval '1 millisecond')`;
const CHUNK = 20_000;

export type SeedSummary = {
  gpts: number;
  listed: number;
  creators: number;
  users: number;
  conversations: number;
  reviews: number;
  seconds: number;
  popularSlug: string;
  categorySlug: string;
};

async function inChunks(
  length: number,
  insert: (from: number, to: number) => Promise<unknown>,
): Promise<void> {
  for (let from = 0; from < length; from += CHUNK)
    await insert(from, Math.min(length, from + CHUNK));
}

/**
 * Seeds `listedCount` public, published GPTs (plus 5 % hidden ones) with creators, versions,
 * conversations and reviews into a freshly migrated database, in a handful of bulk statements, then
 * derives what the app keeps denormalised: counters, search documents, rating/trending scores.
 */
export async function seedStore(db: Database, listedCount: number): Promise<SeedSummary> {
  const startedAt = Date.now();
  const sql = db.sql;
  const categories = await seedCategories(db.prisma);
  const categoryId = new Map(categories.map((category) => [category.slug, category.id]));
  const catalog = buildCatalog(
    listedCount,
    DEFAULT_CATEGORIES.map((category) => category.slug),
  );
  const { creators, gpts, conversations, reviews } = catalog;

  // An admin exists, so the server's first start-up does not seed the demo GPTs on top.
  await sql.query(
    `INSERT INTO "User" ("id", "email", "name", "role", "updatedAt")
     VALUES ('bench-admin', 'admin@bench.test', 'Administrator', 'ADMIN', now())`,
  );
  await sql.query(
    `INSERT INTO "User" ("id", "email", "name", "createdAt", "updatedAt")
     SELECT t.id, t.id || '@bench.test', t.name, now() - interval '400 days', now()
     FROM unnest($1::text[], $2::text[]) AS t(id, name)`,
    [creators.map((c) => c.id), creators.map((c) => c.name)],
  );
  await sql.query(
    `INSERT INTO "BuilderProfile" ("id", "userId", "handle", "displayName", "bio", "website",
       "verifiedDomain", "domainVerifiedAt", "updatedAt")
     SELECT 'bp-' || t.id, t.id, t.handle, t.name, 'Building helpful GPTs since 2024.',
       CASE WHEN t.domain IS NULL THEN NULL ELSE 'https://' || t.domain END, t.domain,
       CASE WHEN t.domain IS NULL THEN NULL ELSE now() END, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, handle, name, domain)`,
    [
      creators.map((c) => c.id),
      creators.map((c) => c.handle),
      creators.map((c) => c.name),
      creators.map((c) => c.verifiedDomain),
    ],
  );
  await sql.query(
    `INSERT INTO "User" ("id", "email", "name", "createdAt", "updatedAt")
     SELECT 'bench-user-' || i, 'bench-user-' || i || '@bench.test', 'User ' || i,
       now() - interval '200 days', now()
     FROM generate_series(0, $1::int - 1) AS i`,
    [catalog.userCount],
  );

  const gptCount = gpts.name.length;
  await inChunks(gptCount, (from, to) => {
    const range = Array.from({ length: to - from }, (_, k) => from + k);
    return sql.query(
      `INSERT INTO "Gpt" ("id", "ownerId", "slug", "visibility", "status", "categoryId", "name",
         "description", "instructions", "conversationStarters", "capabilities", "allowRemix",
         "deletedAt", "createdAt", "updatedAt")
       SELECT 'bench-gpt-' || t.i, 'bench-creator-' || t.owner, t.slug, t.visibility::"GptVisibility",
         t.status::"GptStatus", t.category, t.name, t.description,
         'You are ' || t.name || '. ' || t.description, string_to_array(t.starters, E'\\n'),
         string_to_array(t.capabilities, ','), t.remix,
         CASE WHEN t.deleted THEN now() ELSE NULL END, ${TS("t.created")}, ${TS("t.created")}
       FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::text[], $11::bool[], $12::bool[], $13::float8[])
         AS t(i, owner, slug, visibility, status, category, name, description, starters,
           capabilities, remix, deleted, created)`,
      [
        range,
        range.map((g) => gpts.owner[g]),
        range.map((g) => gpts.slug[g]),
        range.map((g) => gpts.visibility[g]),
        range.map((g) => gpts.status[g]),
        range.map((g) => categoryId.get(gpts.category[g] as string)),
        range.map((g) => gpts.name[g]),
        range.map((g) => gpts.description[g]),
        range.map((g) => gpts.starters[g]),
        range.map((g) => gpts.capabilities[g]),
        range.map((g) => gpts.allowRemix[g]),
        range.map((g) => gpts.isDeleted[g]),
        range.map((g) => gpts.createdAt[g]),
      ],
    );
  });
  const published = gpts.isPublished.flatMap((isPublished, g) => (isPublished ? [g] : []));
  await sql.query(
    `INSERT INTO "GptVersion" ("id", "gptId", "number", "name", "description", "instructions",
       "conversationStarters", "categoryId", "capabilities", "createdAt")
     SELECT 'bench-version-' || substr(g."id", 11), g."id", 1, g."name", g."description",
       g."instructions", g."conversationStarters", g."categoryId", g."capabilities", g."createdAt"
     FROM "Gpt" g WHERE g."id" = ANY($1::text[])`,
    [published.map((g) => `bench-gpt-${g}`)],
  );
  await sql.query(
    `UPDATE "Gpt" g SET "publishedVersionId" = v."id", "publishedAt" = v."createdAt",
       "publishedCategoryId" = v."categoryId"
     FROM "GptVersion" v WHERE v."gptId" = g."id" AND g."id" LIKE 'bench-gpt-%'`,
  );

  await inChunks(conversations.gpt.length, (from, to) =>
    sql.query(
      `INSERT INTO "Conversation" ("id", "userId", "gptId", "versionId", "title", "createdAt", "updatedAt")
       SELECT 'bench-conv-' || ($4::int + t.ord - 1), 'bench-user-' || t.u, 'bench-gpt-' || t.g,
         'bench-version-' || t.g, 'Question about ' || t.g, ${TS("t.at")}, ${TS("t.at")}
       FROM unnest($1::int[], $2::int[], $3::float8[]) WITH ORDINALITY AS t(g, u, at, ord)`,
      [
        conversations.gpt.slice(from, to),
        conversations.user.slice(from, to),
        conversations.at.slice(from, to),
        from,
      ],
    ),
  );
  await inChunks(reviews.gpt.length, (from, to) =>
    sql.query(
      `INSERT INTO "Review" ("id", "gptId", "userId", "rating", "body", "creatorReply",
         "creatorRepliedAt", "createdAt", "updatedAt")
       SELECT 'bench-review-' || ($7::int + t.ord - 1), 'bench-gpt-' || t.g, 'bench-user-' || t.u,
         t.rating, t.body, t.reply, CASE WHEN t.reply IS NULL THEN NULL ELSE ${TS("t.at")} END,
         ${TS("t.at")}, ${TS("t.at")}
       FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::float8[])
         WITH ORDINALITY AS t(g, u, rating, body, reply, at, ord)`,
      [
        reviews.gpt.slice(from, to),
        reviews.user.slice(from, to),
        reviews.rating.slice(from, to),
        reviews.body.slice(from, to),
        reviews.reply.slice(from, to),
        reviews.at.slice(from, to),
        from,
      ],
    ),
  );

  await deriveStoreColumns(db);
  // The app's own refresh (the job's work), on the process database the caller set to `db`.
  await refreshStoreScores();
  await featureSome(db);
  await sql.exec("ANALYZE");

  const [popular] = await sql.query<{ slug: string }>(
    `SELECT "slug" FROM "Gpt" WHERE "visibility" = 'PUBLIC' AND "status" = 'ACTIVE'
       AND "publishedVersionId" IS NOT NULL AND "deletedAt" IS NULL
     ORDER BY "conversationCount" DESC, "id" LIMIT 1`,
  );
  return {
    gpts: gptCount,
    listed: listedCount,
    creators: creators.length,
    users: catalog.userCount,
    conversations: conversations.gpt.length,
    reviews: reviews.gpt.length,
    seconds: (Date.now() - startedAt) / 1000,
    popularSlug: popular?.slug ?? "",
    categorySlug: "programming",
  };
}

/** Counters the app keeps in step with Review and Conversation, and the search documents. */
async function deriveStoreColumns(db: Database): Promise<void> {
  await db.sql.exec(`
    UPDATE "Gpt" g SET "ratingCount" = r.n, "ratingSum" = r.s
    FROM (SELECT "gptId", count(*)::int AS n, sum("rating")::int AS s FROM "Review" GROUP BY 1) r
    WHERE r."gptId" = g."id";
    UPDATE "Gpt" g SET "conversationCount" = c.n
    FROM (SELECT "gptId", count(*)::int AS n FROM "Conversation" WHERE NOT "isPreview" GROUP BY 1) c
    WHERE c."gptId" = g."id";`);
  await refreshSearchDocuments("all");
}

/** A Featured row: eight well-rated listed GPTs, as an admin would curate. */
async function featureSome(db: Database): Promise<void> {
  await db.sql.exec(`
    UPDATE "Gpt" SET "featuredAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" IN (
      SELECT "id" FROM "Gpt"
      WHERE "visibility" = 'PUBLIC' AND "status" = 'ACTIVE' AND "publishedVersionId" IS NOT NULL
        AND "deletedAt" IS NULL AND "ratingCount" >= 10
      ORDER BY "ratingScore" DESC, "id" LIMIT 8
    );`);
}

export type { Catalog };
