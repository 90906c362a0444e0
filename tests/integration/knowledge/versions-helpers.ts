import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { storeChunks } from "@/lib/knowledge/index/store-chunks";
import { putObject, randomKeyPart } from "@/lib/storage/storage";

/**
 * A knowledge file written directly (blob, row, chunks through the real storeChunks), without the
 * parse/ingest pipeline: these tests are about which files versions, remixes and packages hold.
 */
export async function addKnowledgeFile(
  owner: Actor,
  gptId: string,
  {
    name,
    text = `${name} says the lighthouse keeper logs every ship.`,
    status = "READY",
    inDraft = true,
  }: {
    name: string;
    text?: string;
    status?: "QUEUED" | "PROCESSING" | "READY" | "FAILED";
    inDraft?: boolean;
  },
) {
  const bytes = new TextEncoder().encode(text);
  const blobKey = `knowledge/${owner.id}/${randomKeyPart()}.txt`;
  await putObject(blobKey, bytes);
  const file = await prisma.knowledgeFile.create({
    data: {
      gptId,
      ownerId: owner.id,
      name,
      kind: "text",
      mimeType: "text/plain",
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      blobKey,
      status,
      inDraft,
      chunkCount: status === "READY" ? 1 : 0,
      error: status === "FAILED" ? "Could not read it." : null,
    },
  });
  if (status === "READY") {
    await storeChunks({
      fileId: file.id,
      gptId,
      chunks: [{ ordinal: 0, text, tokenCount: 12, page: null, heading: null }],
    });
  }
  return file;
}

export async function versionFileNames(versionId: string): Promise<string[]> {
  const rows = await prisma.gptVersionKnowledgeFile.findMany({
    where: { versionId },
    select: { file: { select: { name: true } } },
  });
  return rows.map((row) => row.file.name).sort();
}

/** Files of a GPT's draft (inDraft), by name. */
export async function draftFileNames(gptId: string): Promise<string[]> {
  const rows = await prisma.knowledgeFile.findMany({
    where: { gptId, inDraft: true },
    select: { name: true },
  });
  return rows.map((row) => row.name).sort();
}

export async function chunksWithSearchVector(gptId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "KnowledgeChunk"
    WHERE "gptId" = ${gptId} AND "searchVector" IS NOT NULL AND "searchLength" > 0`;
  return Number(rows[0]?.count ?? 0);
}
