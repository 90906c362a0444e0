-- CreateEnum
CREATE TYPE "GptActionKind" AS ENUM ('OPENAPI', 'MCP');

-- CreateEnum
CREATE TYPE "ActionAuthKind" AS ENUM ('NONE', 'API_KEY', 'OAUTH');

-- CreateEnum
CREATE TYPE "ActionConsentKind" AS ENUM ('ALLOWED', 'ALWAYS');

-- CreateEnum
CREATE TYPE "ActionPromptKind" AS ENUM ('CONSENT', 'CONNECT');

-- CreateEnum
CREATE TYPE "ActionPromptStatus" AS ENUM ('PENDING', 'ALLOWED', 'ALWAYS', 'DENIED', 'CONNECTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ActionCallSource" AS ENUM ('CHAT', 'PREVIEW', 'TEST');

-- AlterTable
ALTER TABLE "GptVersion" ADD COLUMN     "actions" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "InstanceSettings" ADD COLUMN     "actionMaxCallsPerTurn" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "egressAllowedPorts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "egressAllowlist" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ModelConfig" ADD COLUMN     "isEgressExempt" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "GptAction" (
    "id" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "kind" "GptActionKind" NOT NULL,
    "name" TEXT NOT NULL,
    "schemaText" TEXT,
    "sourceUrl" TEXT,
    "serverUrl" TEXT NOT NULL,
    "operations" JSONB NOT NULL,
    "disabledOperations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "authKind" "ActionAuthKind" NOT NULL DEFAULT 'NONE',
    "authConfig" JSONB NOT NULL DEFAULT '{}',
    "secretCiphertext" TEXT,
    "privacyPolicyUrl" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GptAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionConnection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "accessTokenCiphertext" TEXT NOT NULL,
    "refreshTokenCiphertext" TEXT,
    "expiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionConsent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "kind" "ActionConsentKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPrompt" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "conversationId" TEXT,
    "actionId" TEXT NOT NULL,
    "toolCallId" TEXT,
    "kind" "ActionPromptKind" NOT NULL,
    "domain" TEXT NOT NULL,
    "status" "ActionPromptStatus" NOT NULL DEFAULT 'PENDING',
    "oauthState" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ActionPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionCall" (
    "id" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "userId" TEXT,
    "conversationId" TEXT,
    "source" "ActionCallSource" NOT NULL,
    "operation" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "status" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GptAction_gptId_position_idx" ON "GptAction"("gptId", "position");

-- CreateIndex
CREATE INDEX "ActionConnection_userId_idx" ON "ActionConnection"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionConnection_userId_actionId_key" ON "ActionConnection"("userId", "actionId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionConsent_userId_gptId_domain_key" ON "ActionConsent"("userId", "gptId", "domain");

-- CreateIndex
CREATE INDEX "ActionPrompt_userId_status_idx" ON "ActionPrompt"("userId", "status");

-- CreateIndex
CREATE INDEX "ActionCall_gptId_createdAt_idx" ON "ActionCall"("gptId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "GptAction" ADD CONSTRAINT "GptAction_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionConnection" ADD CONSTRAINT "ActionConnection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionConnection" ADD CONSTRAINT "ActionConnection_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionConsent" ADD CONSTRAINT "ActionConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionConsent" ADD CONSTRAINT "ActionConsent_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPrompt" ADD CONSTRAINT "ActionPrompt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPrompt" ADD CONSTRAINT "ActionPrompt_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionCall" ADD CONSTRAINT "ActionCall_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
