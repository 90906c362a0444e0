-- CreateEnum
CREATE TYPE "EarningsHoldReason" AS ENUM ('MODERATION', 'SIGNUP_CLUSTER', 'MACHINE_REGULARITY', 'ANSWER_SPIKE');

-- CreateEnum
CREATE TYPE "EarningsHoldStatus" AS ENUM ('OPEN', 'RELEASED', 'VOIDED');

-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('PENDING', 'PAID', 'FAILED');

-- AlterTable
ALTER TABLE "InstanceSettings" ADD COLUMN     "creatorSharePercent" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "engagedAnswersDailyCap" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "payoutHoldingDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "payoutThresholdCents" INTEGER NOT NULL DEFAULT 1000;

-- AlterTable
ALTER TABLE "LedgerTransaction" ADD COLUMN     "userId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "signupNetworkHash" TEXT;

-- CreateTable
CREATE TABLE "RevenuePeriod" (
    "month" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL,
    "closedById" TEXT,
    "creatorSharePercent" INTEGER NOT NULL,
    "engagedAnswersDailyCap" INTEGER NOT NULL,
    "netRevenueMicros" BIGINT NOT NULL,
    "poolMicros" BIGINT NOT NULL,
    "allocatedMicros" BIGINT NOT NULL,
    "heldMicros" BIGINT NOT NULL,
    "unallocatedMicros" BIGINT NOT NULL,
    "clawbackMicros" BIGINT NOT NULL,
    "payingUsers" INTEGER NOT NULL,
    "engagedAnswers" INTEGER NOT NULL,
    "availableAt" TIMESTAMP(3) NOT NULL,
    "ledgerTransactionId" TEXT,

    CONSTRAINT "RevenuePeriod_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "CreatorStatement" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "earnedMicros" BIGINT NOT NULL,
    "heldMicros" BIGINT NOT NULL,
    "clawbackMicros" BIGINT NOT NULL,
    "engagedAnswers" INTEGER NOT NULL,
    "payingUsers" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreatorStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementLine" (
    "id" BIGSERIAL NOT NULL,
    "statementId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "gptName" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "engagedAnswers" INTEGER NOT NULL,
    "payingUsers" INTEGER NOT NULL,
    "amountMicros" BIGINT NOT NULL,
    "isHeld" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "StatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoolAllocation" (
    "month" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "engagedAnswers" INTEGER NOT NULL,
    "amountMicros" BIGINT NOT NULL,

    CONSTRAINT "PoolAllocation_pkey" PRIMARY KEY ("month","userId","gptId")
);

-- CreateTable
CREATE TABLE "EarningsHold" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "gptId" TEXT,
    "reason" "EarningsHoldReason" NOT NULL,
    "amountMicros" BIGINT NOT NULL,
    "details" JSONB NOT NULL,
    "status" "EarningsHoldStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolutionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EarningsHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayoutAccount" (
    "userId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "detailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "payoutsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "requirementsDue" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "disabledReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayoutAccount_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Payout" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "amountMicros" BIGINT NOT NULL,
    "statementId" TEXT,
    "status" "PayoutStatus" NOT NULL DEFAULT 'PENDING',
    "stripeTransferId" TEXT,
    "failureMessage" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "Payout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GptUserDay" (
    "gptId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "creatorId" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,

    CONSTRAINT "GptUserDay_pkey" PRIMARY KEY ("gptId","day","userId")
);

-- CreateTable
CREATE TABLE "GptDailyStats" (
    "gptId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "creatorId" TEXT NOT NULL,
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "answers" INTEGER NOT NULL DEFAULT 0,
    "users" INTEGER NOT NULL DEFAULT 0,
    "thumbsUp" INTEGER NOT NULL DEFAULT 0,
    "thumbsDown" INTEGER NOT NULL DEFAULT 0,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "knowledgeMisses" INTEGER NOT NULL DEFAULT 0,
    "actionCalls" INTEGER NOT NULL DEFAULT 0,
    "actionErrors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GptDailyStats_pkey" PRIMARY KEY ("gptId","day")
);

-- CreateTable
CREATE TABLE "KnowledgeMiss" (
    "id" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeMiss_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RollupWatermark" (
    "name" TEXT NOT NULL,
    "computedTo" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RollupWatermark_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "CreatorStatement_creatorId_month_idx" ON "CreatorStatement"("creatorId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorStatement_month_creatorId_key" ON "CreatorStatement"("month", "creatorId");

-- CreateIndex
CREATE INDEX "StatementLine_statementId_day_idx" ON "StatementLine"("statementId", "day");

-- CreateIndex
CREATE INDEX "PoolAllocation_userId_month_idx" ON "PoolAllocation"("userId", "month");

-- CreateIndex
CREATE INDEX "PoolAllocation_creatorId_month_idx" ON "PoolAllocation"("creatorId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "EarningsHold_key_key" ON "EarningsHold"("key");

-- CreateIndex
CREATE INDEX "EarningsHold_creatorId_status_idx" ON "EarningsHold"("creatorId", "status");

-- CreateIndex
CREATE INDEX "EarningsHold_status_createdAt_idx" ON "EarningsHold"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutAccount_stripeAccountId_key" ON "PayoutAccount"("stripeAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_stripeTransferId_key" ON "Payout"("stripeTransferId");

-- CreateIndex
CREATE INDEX "Payout_creatorId_createdAt_idx" ON "Payout"("creatorId", "createdAt");

-- CreateIndex
CREATE INDEX "Payout_status_idx" ON "Payout"("status");

-- CreateIndex
CREATE INDEX "GptUserDay_creatorId_day_idx" ON "GptUserDay"("creatorId", "day");

-- CreateIndex
CREATE INDEX "GptUserDay_gptId_userId_day_idx" ON "GptUserDay"("gptId", "userId", "day");

-- CreateIndex
CREATE INDEX "GptDailyStats_creatorId_day_idx" ON "GptDailyStats"("creatorId", "day");

-- CreateIndex
CREATE INDEX "KnowledgeMiss_gptId_createdAt_idx" ON "KnowledgeMiss"("gptId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerTransaction_userId_occurredAt_idx" ON "LedgerTransaction"("userId", "occurredAt");

-- AddForeignKey
ALTER TABLE "CreatorStatement" ADD CONSTRAINT "CreatorStatement_month_fkey" FOREIGN KEY ("month") REFERENCES "RevenuePeriod"("month") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "CreatorStatement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoolAllocation" ADD CONSTRAINT "PoolAllocation_month_fkey" FOREIGN KEY ("month") REFERENCES "RevenuePeriod"("month") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutAccount" ADD CONSTRAINT "PayoutAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
