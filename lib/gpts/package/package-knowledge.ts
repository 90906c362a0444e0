import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { enqueue } from "../../jobs/runner";
import { knowledgeBlobKey } from "../../knowledge/copy/copy-knowledge-files";
import { blobExtensionOf } from "../../knowledge/files/upload-rules";
import { ACCEPTED_KNOWLEDGE_TYPES_LABEL } from "../../knowledge/parse/accepted-types";
import { detectKnowledgeKind } from "../../knowledge/parse/detect-kind";
import type { KnowledgeKind } from "../../knowledge/types";
import { getKnowledgeLimits } from "../../settings/instance-settings";
import { deleteObject, putObject } from "../../storage/storage";
import type { GptPackage, PackageProblems } from "./package-schema";
import type { PackageFile } from "./read-gpt-package";

/**
 * Knowledge files of an imported package: validated as a whole before anything is written, blobs
 * stored just before the import transaction, rows created QUEUED inside it, ingestion queued after
 * it commits. A failure at any step leaves no rows and no blobs.
 */

const MB = 1024 * 1024;

export type ImportedKnowledgeFile = {
  id: string;
  name: string;
  kind: KnowledgeKind;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  blobKey: string;
  bytes: Uint8Array;
};

function refuse(problems: PackageProblems): never {
  const count = Object.values(problems).flat().length;
  throw new AppError(
    "bad_request",
    count === 1
      ? `A knowledge file cannot be imported: ${Object.values(problems).flat()[0]}`
      : `${count} knowledge files cannot be imported.`,
    problems,
  );
}

/**
 * Checks every packaged file against this instance's limits and accepted types (by content, as an
 * upload is); throws bad_request with each problem at `knowledge.<index>`, or limit_exceeded.
 */
export async function validatePackageKnowledge({
  ownerId,
  entries,
  files,
}: {
  ownerId: string;
  entries: GptPackage["knowledge"];
  files: PackageFile[];
}): Promise<ImportedKnowledgeFile[]> {
  if (files.length === 0) return [];
  const limits = await getKnowledgeLimits(ownerId);
  if (files.length > limits.maxFilesPerGpt) {
    refuse({
      knowledge: [
        `The package has ${files.length} knowledge files; a GPT here can have at most ${limits.maxFilesPerGpt}.`,
      ],
    });
  }
  const problems: PackageProblems = {};
  const imported: ImportedKnowledgeFile[] = [];
  files.forEach((file, index) => {
    const entry = entries[index];
    const key = `knowledge.${index}`;
    if (file.bytes.length > limits.maxFileBytes) {
      problems[key] = [
        `${entry.name} is ${(file.bytes.length / MB).toFixed(1)} MB; knowledge files here can be at most ${limits.maxFileBytes / MB} MB.`,
      ];
      return;
    }
    const detected = detectKnowledgeKind(file.bytes, entry.name);
    if (!detected) {
      problems[key] = [
        `${entry.name} is empty, damaged or not a supported type (${ACCEPTED_KNOWLEDGE_TYPES_LABEL}).`,
      ];
      return;
    }
    imported.push({
      id: randomUUID(),
      name: entry.name,
      kind: detected.kind,
      mimeType: detected.mimeType,
      sizeBytes: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      blobKey: knowledgeBlobKey(ownerId, blobExtensionOf(detected.kind, entry.name)),
      bytes: file.bytes,
    });
  });
  if (Object.keys(problems).length > 0) refuse(problems);
  const used = await prisma.knowledgeFile.aggregate({
    where: { ownerId },
    _sum: { sizeBytes: true },
  });
  const adding = imported.reduce((sum, file) => sum + file.sizeBytes, 0);
  if ((used._sum.sizeBytes ?? 0) + adding > limits.maxBytesPerCreator) {
    throw new AppError(
      "limit_exceeded",
      `The package's knowledge files (${(adding / MB).toFixed(1)} MB) would pass your storage limit of ${limits.maxBytesPerCreator / MB} MB.`,
    );
  }
  return imported;
}

/** Stores the blobs; on failure deletes those already written and rethrows. */
export async function storePackageKnowledgeBlobs(files: ImportedKnowledgeFile[]): Promise<void> {
  const written: ImportedKnowledgeFile[] = [];
  try {
    for (const file of files) {
      await putObject(file.blobKey, file.bytes, file.mimeType);
      written.push(file);
    }
  } catch (error) {
    await discardPackageKnowledgeBlobs(written);
    throw error;
  }
}

export async function discardPackageKnowledgeBlobs(files: { blobKey: string }[]): Promise<void> {
  await Promise.all(files.map((file) => deleteObject(file.blobKey).catch(() => undefined)));
}

/** Inside the import transaction: the rows, QUEUED, in the new GPT's draft. */
export async function createPackageKnowledgeRows(
  tx: Prisma.TransactionClient,
  { files, gptId, ownerId }: { files: ImportedKnowledgeFile[]; gptId: string; ownerId: string },
): Promise<void> {
  if (files.length === 0) return;
  await tx.knowledgeFile.createMany({
    data: files.map((file) => ({
      id: file.id,
      gptId,
      ownerId,
      name: file.name,
      kind: file.kind,
      mimeType: file.mimeType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      blobKey: file.blobKey,
      status: "QUEUED" as const,
      inDraft: true,
    })),
  });
}

/**
 * After the commit: one ingestion job per file. A failed send is not fatal: the file stays
 * QUEUED and start-up recovery sends it again.
 */
export async function queuePackageKnowledge(files: { id: string }[]): Promise<void> {
  for (const file of files) {
    await enqueue("knowledge-ingest", { fileId: file.id }).catch((error: unknown) =>
      console.error(`[atelier] could not queue knowledge file ${file.id}`, error),
    );
  }
}
