import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { storeChunks } from "@/lib/knowledge/index/store-chunks";
import type { ChunkDraft } from "@/lib/knowledge/types";

/** A READY knowledge file with the given passages as its chunks (ordinal = index). */
export async function createReadyFile({
  owner,
  gptId,
  name,
  passages,
  inDraft = true,
  page = null,
}: {
  owner: Actor;
  gptId: string;
  name: string;
  passages: (string | { text: string; heading?: string; page?: number })[];
  inDraft?: boolean;
  page?: number | null;
}) {
  const file = await prisma.knowledgeFile.create({
    data: {
      gptId,
      ownerId: owner.id,
      name,
      kind: "text",
      mimeType: "text/plain",
      sizeBytes: passages.join("\n").length,
      sha256: createHash("sha256").update(`${name}:${Math.random()}`).digest("hex"),
      blobKey: `test/${name}`,
      status: "READY",
      inDraft,
      chunkCount: passages.length,
    },
  });
  const chunks: ChunkDraft[] = passages.map((passage, ordinal) => {
    const value = typeof passage === "string" ? { text: passage } : passage;
    return {
      ordinal,
      text: value.text,
      tokenCount: value.text.split(/\s+/).length,
      page: value.page ?? page,
      heading: value.heading ?? null,
    };
  });
  await storeChunks({ fileId: file.id, gptId, chunks });
  return file;
}

/** Makes `fileIds` exactly the live files of the GPT's published version. */
export async function setVersionFiles(versionId: string, fileIds: string[]) {
  await prisma.gptVersionKnowledgeFile.deleteMany({ where: { versionId } });
  await prisma.gptVersionKnowledgeFile.createMany({
    data: fileIds.map((fileId) => ({ versionId, fileId })),
  });
}
