-- AlterEnum
ALTER TYPE "MessageStatus" ADD VALUE 'STREAMING';

-- AlterTable
ALTER TABLE "InstanceSettings" ADD COLUMN     "chatBurstMessages" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "chatDailyMessages" INTEGER NOT NULL DEFAULT 500,
ADD COLUMN     "chatMessagesPerMinute" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "gptDailySpendCapMicros" BIGINT NOT NULL DEFAULT 20000000,
ADD COLUMN     "instanceDailySpendCapMicros" BIGINT NOT NULL DEFAULT 100000000;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "channel" "UsageChannel",
ADD COLUMN     "gptId" TEXT,
ADD COLUMN     "instanceId" TEXT,
ADD COLUMN     "supersededAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AppInstance" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatAllowance" (
    "userId" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilledAt" TIMESTAMP(3) NOT NULL,
    "day" DATE NOT NULL,
    "dayCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ChatAllowance_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "DailySpend" (
    "scope" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "costMicros" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DailySpend_pkey" PRIMARY KEY ("scope","day")
);

-- CreateIndex
CREATE INDEX "AppInstance_heartbeatAt_idx" ON "AppInstance"("heartbeatAt");

-- AddForeignKey
ALTER TABLE "ChatAllowance" ADD CONSTRAINT "ChatAllowance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Only STREAMING answers carry an instanceId (finalising clears it), so this partial index holds just
-- the answers in flight: what recovery scans. (Not expressible in schema.prisma; written by hand.)
CREATE INDEX "Message_streaming_instance_idx" ON "Message"("instanceId") WHERE "instanceId" IS NOT NULL;
