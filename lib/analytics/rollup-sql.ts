import "server-only";
import { Prisma } from "../generated/prisma/client";

/**
 * The rollups' SELECTs, shared by the job that stores them (refresh-rollups.ts: every GPT, from
 * the watermark) and the dashboard (queries.ts: one creator's GPTs, the minutes since the last
 * run), so stored and live figures are computed by the same SQL.
 *
 * Days are UTC days: timestamps are stored as UTC without a zone, so `::date` is the UTC day.
 * Previews never count: usage on the PREVIEW channel, preview and builder conversations, and
 * action calls from previews and tests are left out. Rows are read per GPT through the
 * (gptId, createdAt) indexes (LATERAL), so a run reads only its window, never whole tables.
 */

/** Whose GPTs: every GPT (the job), or a creator's GPTs by id (the dashboard). */
export type RollupScope = { gptIds: string[] } | "all";

/** [from, to) as `timestamp` parameters; null is unbounded on that side. */
export type RollupWindow = { from: Date | null; to: Date | null };

/** A `timestamp` literal as Prisma stores them (UTC, no zone). */
export function timestampOf(at: Date | null, unbounded: "-infinity" | "infinity"): string {
  return at ? at.toISOString().replace("T", " ").replace("Z", "") : unbounded;
}

function gptsOf(scope: RollupScope): Prisma.Sql {
  if (scope === "all") return Prisma.sql`SELECT "id", "ownerId" FROM "Gpt"`;
  return Prisma.sql`SELECT "id", "ownerId" FROM "Gpt" WHERE "id" IN (${Prisma.join(scope.gptIds)})`;
}

function bounds(column: Prisma.Sql, window: RollupWindow): Prisma.Sql {
  const from = timestampOf(window.from, "-infinity");
  const to = timestampOf(window.to, "infinity");
  return Prisma.sql`${column} >= ${from}::timestamp AND ${column} < ${to}::timestamp`;
}

/**
 * GptUserDay rows: (gptId, userId, day, creatorId, answers) for the answers given in the window.
 */
export function userDaysSql(scope: RollupScope, window: RollupWindow): Prisma.Sql {
  return Prisma.sql`
    WITH g AS MATERIALIZED (${gptsOf(scope)})
    SELECT x."gptId", x."userId", x."day", g."ownerId" AS "creatorId", count(*)::int AS "answers"
    FROM g CROSS JOIN LATERAL (
      SELECT u."gptId", u."userId", (u."createdAt")::date AS "day"
      FROM "UsageEvent" u
      WHERE u."gptId" = g."id" AND ${bounds(Prisma.sql`u."createdAt"`, window)}
        AND u."channel" <> 'PREVIEW'
    ) x
    GROUP BY x."gptId", x."userId", x."day", g."ownerId"`;
}

/**
 * GptDailyStats rows: one per GPT and day with anything in the window. Thumbs and reviews count on
 * the day they were first given, with their current value.
 */
export function dailyStatsSql(
  scope: RollupScope,
  window: RollupWindow,
  { isLive = false }: { isLive?: boolean } = {},
): Prisma.Sql {
  return Prisma.sql`
    WITH g AS MATERIALIZED (${gptsOf(scope)}),
    answers AS (
      SELECT x."gptId", (x."createdAt")::date AS "day", count(*)::int AS "answers",
        count(DISTINCT x."userId")::int AS "users"
      FROM g CROSS JOIN LATERAL (
        SELECT u."gptId", u."userId", u."createdAt" FROM "UsageEvent" u
        WHERE u."gptId" = g."id" AND ${bounds(Prisma.sql`u."createdAt"`, window)}
          AND u."channel" <> 'PREVIEW'
      ) x
      GROUP BY 1, 2
    ),
    conversations AS (${conversationsSql(window, isLive)}),
    thumbs AS (
      SELECT x."gptId", (x."createdAt")::date AS "day",
        count(*) FILTER (WHERE x."rating" = 'UP')::int AS "thumbsUp",
        count(*) FILTER (WHERE x."rating" = 'DOWN')::int AS "thumbsDown"
      FROM g CROSS JOIN LATERAL (
        SELECT f."gptId", f."rating", f."createdAt" FROM "MessageFeedback" f
        WHERE f."gptId" = g."id" AND ${bounds(Prisma.sql`f."createdAt"`, window)}
      ) x
      GROUP BY 1, 2
    ),
    reviews AS (
      SELECT x."gptId", (x."createdAt")::date AS "day", count(*)::int AS "reviews",
        sum(x."rating")::int AS "ratingSum"
      FROM g CROSS JOIN LATERAL (
        SELECT r."gptId", r."rating", r."createdAt" FROM "Review" r
        -- updatedAt >= createdAt: the bound lets the (gptId, updatedAt) index narrow the read.
        WHERE r."gptId" = g."id" AND ${bounds(Prisma.sql`r."createdAt"`, window)}
          AND r."updatedAt" >= ${timestampOf(window.from, "-infinity")}::timestamp
      ) x
      GROUP BY 1, 2
    ),
    misses AS (
      SELECT x."gptId", (x."createdAt")::date AS "day", count(*)::int AS "knowledgeMisses"
      FROM g CROSS JOIN LATERAL (
        SELECT m."gptId", m."createdAt" FROM "KnowledgeMiss" m
        WHERE m."gptId" = g."id" AND ${bounds(Prisma.sql`m."createdAt"`, window)}
      ) x
      GROUP BY 1, 2
    ),
    calls AS (
      SELECT x."gptId", (x."createdAt")::date AS "day", count(*)::int AS "actionCalls",
        count(*) FILTER (WHERE x."error" IS NOT NULL)::int AS "actionErrors"
      FROM g CROSS JOIN LATERAL (
        SELECT a."gptId", a."error", a."createdAt" FROM "ActionCall" a
        WHERE a."gptId" = g."id" AND ${bounds(Prisma.sql`a."createdAt"`, window)}
          AND a."source" = 'CHAT'
      ) x
      GROUP BY 1, 2
    ),
    keys AS (
      SELECT "gptId", "day" FROM answers UNION SELECT "gptId", "day" FROM conversations
      UNION SELECT "gptId", "day" FROM thumbs UNION SELECT "gptId", "day" FROM reviews
      UNION SELECT "gptId", "day" FROM misses UNION SELECT "gptId", "day" FROM calls
    )
    SELECT k."gptId", k."day", g."ownerId" AS "creatorId",
      coalesce(c."conversations", 0) AS "conversations",
      coalesce(a."answers", 0) AS "answers", coalesce(a."users", 0) AS "users",
      coalesce(t."thumbsUp", 0) AS "thumbsUp", coalesce(t."thumbsDown", 0) AS "thumbsDown",
      coalesce(r."reviews", 0) AS "reviews", coalesce(r."ratingSum", 0) AS "ratingSum",
      coalesce(m."knowledgeMisses", 0) AS "knowledgeMisses",
      coalesce(ac."actionCalls", 0) AS "actionCalls",
      coalesce(ac."actionErrors", 0) AS "actionErrors"
    FROM keys k
    JOIN g ON g."id" = k."gptId"
    LEFT JOIN answers a ON a."gptId" = k."gptId" AND a."day" = k."day"
    LEFT JOIN conversations c ON c."gptId" = k."gptId" AND c."day" = k."day"
    LEFT JOIN thumbs t ON t."gptId" = k."gptId" AND t."day" = k."day"
    LEFT JOIN reviews r ON r."gptId" = k."gptId" AND r."day" = k."day"
    LEFT JOIN misses m ON m."gptId" = k."gptId" AND m."day" = k."day"
    LEFT JOIN calls ac ON ac."gptId" = k."gptId" AND ac."day" = k."day"`;
}

/**
 * Conversations started in the window (previews and the builder's chats excluded). Conversation
 * has no (gptId, createdAt) index: the job reads the scope's conversations and keeps the window's;
 * the dashboard's live part (`isLive`, the minutes since the last run) reads only the conversations
 * updated since then of the people who got an answer from the scope since then (through the
 * (userId, isPreview, updatedAt) index). Live, a conversation whose first answer is still being
 * written counts once it is (like the answer), and one begun with an @mention of another GPT
 * waits for the next run; the job counts every conversation.
 */
function conversationsSql(window: RollupWindow, isLive: boolean): Prisma.Sql {
  const notPreview = Prisma.sql`c."isPreview" = false AND c."isBuilder" = false`;
  if (!isLive || !window.from) {
    return Prisma.sql`
      SELECT c."gptId", (c."createdAt")::date AS "day", count(*)::int AS "conversations"
      FROM "Conversation" c JOIN g ON g."id" = c."gptId"
      WHERE ${bounds(Prisma.sql`c."createdAt"`, window)} AND ${notPreview}
      GROUP BY 1, 2`;
  }
  return Prisma.sql`
      SELECT c."gptId", (c."createdAt")::date AS "day", count(*)::int AS "conversations"
      FROM (
        SELECT DISTINCT x."userId" FROM g CROSS JOIN LATERAL (
          SELECT u."userId" FROM "UsageEvent" u
          WHERE u."gptId" = g."id" AND ${bounds(Prisma.sql`u."createdAt"`, window)}
        ) x
      ) people
      JOIN "Conversation" c ON c."userId" = people."userId" AND c."isPreview" = false
        AND c."updatedAt" >= ${timestampOf(window.from, "-infinity")}::timestamp
      JOIN g ON g."id" = c."gptId"
      WHERE ${bounds(Prisma.sql`c."createdAt"`, window)} AND ${notPreview}
      GROUP BY 1, 2`;
}

/** The columns userDaysSql returns. */
export const USER_DAY_COLUMNS = ["gptId", "userId", "day", "creatorId", "answers"] as const;

/** The columns dailyStatsSql returns. */
export const DAILY_STATS_COLUMN_NAMES = [
  "gptId",
  "day",
  "creatorId",
  "conversations",
  "answers",
  "users",
  "thumbsUp",
  "thumbsDown",
  "reviews",
  "ratingSum",
  "knowledgeMisses",
  "actionCalls",
  "actionErrors",
] as const;
