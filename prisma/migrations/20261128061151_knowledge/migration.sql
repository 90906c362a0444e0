-- CreateEnum
CREATE TYPE "ModelKind" AS ENUM ('CHAT', 'EMBEDDING');

-- CreateEnum
CREATE TYPE "KnowledgeFileStatus" AS ENUM ('QUEUED', 'PROCESSING', 'READY', 'FAILED');

-- AlterTable
ALTER TABLE "Gpt" ADD COLUMN     "hideKnowledgeSources" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "knowledgeMinScore" DOUBLE PRECISION NOT NULL DEFAULT 0.1,
ADD COLUMN     "knowledgeOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "knowledgeTopK" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "GptVersion" ADD COLUMN     "hideKnowledgeSources" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "knowledgeMinScore" DOUBLE PRECISION NOT NULL DEFAULT 0.1,
ADD COLUMN     "knowledgeOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "knowledgeTopK" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "ModelConfig" ADD COLUMN     "kind" "ModelKind" NOT NULL DEFAULT 'CHAT';

-- CreateTable
CREATE TABLE "InstanceSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "knowledgeMaxFilesPerGpt" INTEGER NOT NULL DEFAULT 20,
    "knowledgeMaxFileMb" INTEGER NOT NULL DEFAULT 50,
    "knowledgeMaxTokensPerFile" INTEGER NOT NULL DEFAULT 2000000,
    "knowledgeMaxMbPerCreator" INTEGER NOT NULL DEFAULT 1024,
    "embeddingModelConfigId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstanceSettings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "InstanceSettings_single_row" CHECK ("id" = 1)
);

-- CreateTable
CREATE TABLE "KnowledgeFile" (
    "id" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "blobKey" TEXT NOT NULL,
    "status" "KnowledgeFileStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "pageCount" INTEGER,
    "chunkCount" INTEGER NOT NULL DEFAULT 0,
    "tokenCount" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "inDraft" BOOLEAN NOT NULL DEFAULT true,
    "processedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GptVersionKnowledgeFile" (
    "versionId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    CONSTRAINT "GptVersionKnowledgeFile_pkey" PRIMARY KEY ("versionId","fileId")
);

-- CreateTable
CREATE TABLE "KnowledgeChunk" (
    "id" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "gptId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "tokenCount" INTEGER NOT NULL,
    "page" INTEGER,
    "heading" TEXT,
    "searchVector" tsvector,
    "searchLength" INTEGER NOT NULL DEFAULT 0,
    "embeddingModelId" TEXT,

    CONSTRAINT "KnowledgeChunk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KnowledgeFile_gptId_inDraft_idx" ON "KnowledgeFile"("gptId", "inDraft");

-- CreateIndex
CREATE INDEX "KnowledgeFile_ownerId_idx" ON "KnowledgeFile"("ownerId");

-- CreateIndex
CREATE INDEX "KnowledgeFile_status_idx" ON "KnowledgeFile"("status");

-- CreateIndex
CREATE INDEX "GptVersionKnowledgeFile_fileId_idx" ON "GptVersionKnowledgeFile"("fileId");

-- CreateIndex
CREATE INDEX "KnowledgeChunk_gptId_idx" ON "KnowledgeChunk"("gptId");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeChunk_fileId_ordinal_key" ON "KnowledgeChunk"("fileId", "ordinal");

-- AddForeignKey
ALTER TABLE "KnowledgeFile" ADD CONSTRAINT "KnowledgeFile_gptId_fkey" FOREIGN KEY ("gptId") REFERENCES "Gpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeFile" ADD CONSTRAINT "KnowledgeFile_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GptVersionKnowledgeFile" ADD CONSTRAINT "GptVersionKnowledgeFile_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "GptVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GptVersionKnowledgeFile" ADD CONSTRAINT "GptVersionKnowledgeFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "KnowledgeFile"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeChunk" ADD CONSTRAINT "KnowledgeChunk_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "KnowledgeFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the full-text index BM25 retrieval reads (lib/knowledge/retrieval).
CREATE INDEX "KnowledgeChunk_searchVector_idx" ON "KnowledgeChunk" USING GIN ("searchVector");

-- Hand-written: the embedding column only where the server has pgvector (PGlite and most managed
-- PostgreSQL do; Debian's does not). No dimension: it depends on the admin's embedding model.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    ALTER TABLE "KnowledgeChunk" ADD COLUMN "embedding" vector;
  END IF;
END
$$;
