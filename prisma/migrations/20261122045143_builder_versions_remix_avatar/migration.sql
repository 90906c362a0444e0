-- CreateEnum
CREATE TYPE "BuilderChangeStatus" AS ENUM ('APPLIED', 'PROPOSED', 'UNDONE', 'DISMISSED');

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "isBuilder" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Gpt" ADD COLUMN     "allowKnowledgeRemix" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "allowRemix" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "avatarColor" TEXT,
ADD COLUMN     "avatarKey" TEXT,
ADD COLUMN     "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "remixCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "remixedFromId" TEXT,
ADD COLUMN     "temperature" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "GptVersion" ADD COLUMN     "avatarColor" TEXT,
ADD COLUMN     "avatarKey" TEXT,
ADD COLUMN     "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "temperature" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "BuilderChange" (
    "id" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "messageId" TEXT,
    "field" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "status" "BuilderChangeStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BuilderChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BuilderChange_gptId_createdAt_idx" ON "BuilderChange"("gptId", "createdAt");

-- AddForeignKey
ALTER TABLE "Gpt" ADD CONSTRAINT "Gpt_remixedFromId_fkey" FOREIGN KEY ("remixedFromId") REFERENCES "Gpt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuilderChange" ADD CONSTRAINT "BuilderChange_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
