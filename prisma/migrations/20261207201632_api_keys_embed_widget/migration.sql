-- CreateEnum
CREATE TYPE "ConversationOrigin" AS ENUM ('APP', 'API', 'EMBED');

-- CreateEnum
CREATE TYPE "EmbedPosition" AS ENUM ('LEFT', 'RIGHT');

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "apiKeyId" TEXT,
ADD COLUMN     "isHidden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "origin" "ConversationOrigin" NOT NULL DEFAULT 'APP',
ADD COLUMN     "visitorId" TEXT;

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiActionPermission" (
    "userId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiActionPermission_pkey" PRIMARY KEY ("userId","gptId")
);

-- CreateTable
CREATE TABLE "GptEmbed" (
    "gptId" TEXT NOT NULL,
    "isEnabled" BOOLEAN NOT NULL DEFAULT false,
    "allowedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dailyMessageBudget" INTEGER NOT NULL DEFAULT 200,
    "visitorMessagesPerHour" INTEGER NOT NULL DEFAULT 20,
    "themeColor" TEXT NOT NULL DEFAULT '#10a37f',
    "position" "EmbedPosition" NOT NULL DEFAULT 'RIGHT',
    "greeting" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GptEmbed_pkey" PRIMARY KEY ("gptId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_userId_createdAt_idx" ON "ApiKey"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ApiActionPermission_gptId_idx" ON "ApiActionPermission"("gptId");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiActionPermission" ADD CONSTRAINT "ApiActionPermission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiActionPermission" ADD CONSTRAINT "ApiActionPermission_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GptEmbed" ADD CONSTRAINT "GptEmbed_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
