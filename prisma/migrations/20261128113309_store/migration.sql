-- CreateEnum
CREATE TYPE "FeedbackRating" AS ENUM ('UP', 'DOWN');

-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('SPAM', 'IMPERSONATION', 'COPYRIGHT', 'SEXUAL_CONTENT', 'HATE_OR_HARASSMENT', 'VIOLENCE_OR_SELF_HARM', 'ILLEGAL_ACTIVITY', 'PRIVACY', 'MISLEADING', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'DISMISSED', 'UNLISTED', 'REMOVED');

-- AlterEnum
ALTER TYPE "GptStatus" ADD VALUE 'UNLISTED';

-- AlterTable
ALTER TABLE "BuilderProfile" ADD COLUMN     "avatarKey" TEXT,
ADD COLUMN     "domainToken" TEXT,
ADD COLUMN     "domainVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "handle" TEXT,
ADD COLUMN     "pendingDomain" TEXT,
ADD COLUMN     "verifiedDomain" TEXT;

-- Hand-written: every creator gets a profile (and so a /u/<handle> page). Existing profiles and
-- owners of GPTs without one get a handle from their name plus a short suffix from their id, so
-- the backfill never collides; creators can change it in settings.
INSERT INTO "BuilderProfile" ("id", "userId", "displayName", "createdAt", "updatedAt")
SELECT 'bp_' || md5(u."id"), u."id", COALESCE(NULLIF(btrim(u."name"), ''), 'Creator'), now(), now()
FROM "User" u
WHERE EXISTS (SELECT 1 FROM "Gpt" g WHERE g."ownerId" = u."id")
  AND NOT EXISTS (SELECT 1 FROM "BuilderProfile" p WHERE p."userId" = u."id");

UPDATE "BuilderProfile"
SET "handle" = COALESCE(
    NULLIF(left(btrim(regexp_replace(lower("displayName"), '[^a-z0-9]+', '-', 'g'), '-'), 23), ''),
    'creator'
  ) || '-' || substr(md5("userId"), 1, 6);

ALTER TABLE "BuilderProfile" ALTER COLUMN "handle" SET NOT NULL;

-- AlterTable
ALTER TABLE "Gpt" ADD COLUMN     "featuredAt" TIMESTAMP(3),
ADD COLUMN     "ratingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "ratingSum" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "trendingScore" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "body" TEXT,
    "creatorReply" TEXT,
    "creatorRepliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageFeedback" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "rating" "FeedbackRating" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" "ReportReason" NOT NULL,
    "details" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PinnedGpt" (
    "userId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PinnedGpt_pkey" PRIMARY KEY ("userId","gptId")
);

-- CreateTable
CREATE TABLE "ConversationShare" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "messages" JSONB NOT NULL,
    "lastMessageId" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Review_gptId_updatedAt_idx" ON "Review"("gptId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Review_userId_idx" ON "Review"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Review_gptId_userId_key" ON "Review"("gptId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "MessageFeedback_messageId_key" ON "MessageFeedback"("messageId");

-- CreateIndex
CREATE INDEX "MessageFeedback_gptId_createdAt_idx" ON "MessageFeedback"("gptId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Report_status_createdAt_idx" ON "Report"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Report_gptId_idx" ON "Report"("gptId");

-- CreateIndex
CREATE INDEX "Report_reporterId_gptId_idx" ON "Report"("reporterId", "gptId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationShare_token_key" ON "ConversationShare"("token");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationShare_conversationId_key" ON "ConversationShare"("conversationId");

-- CreateIndex
CREATE INDEX "ConversationShare_userId_idx" ON "ConversationShare"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "BuilderProfile_handle_key" ON "BuilderProfile"("handle");

-- CreateIndex
CREATE INDEX "Gpt_trendingScore_idx" ON "Gpt"("trendingScore" DESC);

-- CreateIndex
CREATE INDEX "Gpt_ratingScore_idx" ON "Gpt"("ratingScore" DESC);

-- CreateIndex
CREATE INDEX "Gpt_conversationCount_idx" ON "Gpt"("conversationCount" DESC);

-- CreateIndex
CREATE INDEX "Gpt_featuredAt_idx" ON "Gpt"("featuredAt");

-- CreateIndex
CREATE INDEX "Gpt_searchVector_idx" ON "Gpt" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageFeedback" ADD CONSTRAINT "MessageFeedback_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageFeedback" ADD CONSTRAINT "MessageFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageFeedback" ADD CONSTRAINT "MessageFeedback_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PinnedGpt" ADD CONSTRAINT "PinnedGpt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PinnedGpt" ADD CONSTRAINT "PinnedGpt_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationShare" ADD CONSTRAINT "ConversationShare_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationShare" ADD CONSTRAINT "ConversationShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationShare" ADD CONSTRAINT "ConversationShare_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: one OPEN report per reporter per GPT (closed ones may repeat).
CREATE UNIQUE INDEX "Report_open_per_reporter_key" ON "Report"("reporterId", "gptId") WHERE "status" = 'OPEN';

-- Hand-written: typo-tolerant search compares the query's trigrams with the listing's text.
CREATE INDEX "Gpt_searchText_trgm_idx" ON "Gpt" USING GIN ("searchText" gin_trgm_ops);

-- Hand-written: the search document of every published GPT, the same statement as
-- lib/store/search-document.ts (name weighs most, then category and creator, then description).
UPDATE "Gpt" g
SET "searchText" = lower(concat_ws(' ', v."name", c."name", p."displayName", v."description")),
    "searchVector" =
      setweight(to_tsvector('english', coalesce(v."name", '')), 'A') ||
      setweight(to_tsvector('english', concat_ws(' ', c."name", p."displayName")), 'B') ||
      setweight(to_tsvector('english', coalesce(v."description", '')), 'C')
FROM "GptVersion" v
LEFT JOIN "Category" c ON c."id" = v."categoryId"
LEFT JOIN "BuilderProfile" p ON p."userId" = (SELECT "ownerId" FROM "Gpt" WHERE "id" = v."gptId")
WHERE v."id" = g."publishedVersionId";
