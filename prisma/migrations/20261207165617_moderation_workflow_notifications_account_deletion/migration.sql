-- CreateEnum
CREATE TYPE "ListingReviewPolicy" AS ENUM ('ALL_PUBLIC', 'FLAGGED_ONLY');

-- CreateEnum
CREATE TYPE "ListingReviewStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ModerationDecisionKind" AS ENUM ('APPROVE', 'REJECT', 'UNLIST', 'REMOVE', 'RESTORE');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('PENDING', 'UPHELD', 'REVERSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "GptStatus" ADD VALUE 'IN_REVIEW';
ALTER TYPE "GptStatus" ADD VALUE 'REJECTED';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'MODERATOR';

-- AlterTable
ALTER TABLE "InstanceSettings" ADD COLUMN     "listingReviewPolicy" "ListingReviewPolicy" NOT NULL DEFAULT 'FLAGGED_ONLY',
ADD COLUMN     "moderationBlockedTerms" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "moderationProtectedNames" TEXT[] DEFAULT ARRAY['Atelier', 'OpenAI', 'ChatGPT', 'Anthropic', 'Claude', 'Google', 'Gemini', 'Microsoft', 'Copilot']::TEXT[];

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "bannedReason" TEXT,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "emailNotifications" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "ListingReview" (
    "id" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "versionId" TEXT,
    "status" "ListingReviewStatus" NOT NULL DEFAULT 'PENDING',
    "flags" JSONB NOT NULL DEFAULT '[]',
    "decisionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ListingReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationDecision" (
    "id" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "kind" "ModerationDecisionKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appealText" TEXT,
    "appealedAt" TIMESTAMP(3),
    "appealStatus" "AppealStatus",
    "appealReply" TEXT,
    "appealDecidedById" TEXT,
    "appealDecidedAt" TIMESTAMP(3),

    CONSTRAINT "ModerationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "href" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ListingReview_decisionId_key" ON "ListingReview"("decisionId");

-- CreateIndex
CREATE INDEX "ListingReview_status_createdAt_idx" ON "ListingReview"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ListingReview_gptId_createdAt_idx" ON "ListingReview"("gptId", "createdAt");

-- CreateIndex
CREATE INDEX "ModerationDecision_gptId_createdAt_idx" ON "ModerationDecision"("gptId", "createdAt");

-- CreateIndex
CREATE INDEX "ModerationDecision_appealStatus_appealedAt_idx" ON "ModerationDecision"("appealStatus", "appealedAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- AddForeignKey
ALTER TABLE "ListingReview" ADD CONSTRAINT "ListingReview_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListingReview" ADD CONSTRAINT "ListingReview_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "ModerationDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationDecision" ADD CONSTRAINT "ModerationDecision_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationDecision" ADD CONSTRAINT "ModerationDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationDecision" ADD CONSTRAINT "ModerationDecision_appealDecidedById_fkey" FOREIGN KEY ("appealDecidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one review waiting per GPT (Prisma cannot express a partial unique index).
CREATE UNIQUE INDEX "ListingReview_one_pending_per_gpt" ON "ListingReview"("gptId") WHERE "status" = 'PENDING';
