import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/runner";
import { getKnowledgeLimits } from "../../settings/instance-settings";
import { deleteObject, putObject, randomKeyPart } from "../../storage/storage";
import { ACCEPTED_KNOWLEDGE_TYPES_LABEL, detectKnowledgeKind } from "../parse/index";
import type { KnowledgeFileView, KnowledgeLimits } from "../types";
import { knowledgeFileViewSelect, toKnowledgeFileView } from "./knowledge-file-view";
import { findOwnedGpt } from "./owned-gpt";
import { creatorKnowledgeBytes, type KnowledgeFileDb } from "./queries";
import {
  blobExtensionOf,
  cleanFileName,
  creatorLimitMessage,
  fileSizeMessage,
  filesPerGptMessage,
} from "./upload-rules";

type Checked = { ownerId: string; gptId: string; size: number; limits: KnowledgeLimits };

/** The per-GPT file count and per-creator bytes limits (run again inside the insert's lock). */
async function checkRoom(db: KnowledgeFileDb, { ownerId, gptId, size, limits }: Checked) {
  const files = await db.knowledgeFile.count({ where: { gptId, inDraft: true } });
  if (files >= limits.maxFilesPerGpt) {
    throw new AppError("limit_exceeded", filesPerGptMessage(limits.maxFilesPerGpt));
  }
  const used = await creatorKnowledgeBytes(ownerId, db);
  if (used + size > limits.maxBytesPerCreator) {
    throw new AppError("limit_exceeded", creatorLimitMessage(limits.maxBytesPerCreator, used));
  }
}

/**
 * Adds a knowledge file to the owner's GPT draft and queues its processing. The type is decided
 * from the content (never the name or the browser's claim). Limits (files per GPT, bytes per
 * file, bytes per creator) are checked before anything is stored, and again under a per-owner
 * lock at insert time so two parallel uploads cannot both squeeze past them. If the row cannot be
 * written the stored blob is deleted: no orphan blob, no half row.
 */
export async function uploadKnowledgeFile({
  actor,
  gptId,
  file,
}: {
  actor: Actor;
  gptId: string;
  file: { name: string; bytes: Uint8Array };
}): Promise<KnowledgeFileView> {
  const gpt = await findOwnedGpt(actor, gptId);
  const limits = await getKnowledgeLimits(gpt.ownerId);
  const size = file.bytes.byteLength;
  if (size === 0) {
    throw new AppError("bad_request", "This file is empty.", { file: ["This file is empty."] });
  }
  if (size > limits.maxFileBytes) {
    const message = fileSizeMessage(limits.maxFileBytes);
    throw new AppError("bad_request", message, { file: [message] });
  }
  const name = cleanFileName(file.name);
  const detected = detectKnowledgeKind(file.bytes, name);
  if (!detected) {
    const message = `This file type is not supported (its content was checked, not its name). You can upload ${ACCEPTED_KNOWLEDGE_TYPES_LABEL}.`;
    throw new AppError("bad_request", message, { file: [message] });
  }
  const checked: Checked = { ownerId: gpt.ownerId, gptId: gpt.id, size, limits };
  await checkRoom(prisma, checked);

  const blobKey = `knowledge/${gpt.ownerId}/${randomKeyPart()}.${blobExtensionOf(detected.kind, name)}`;
  await putObject(blobKey, file.bytes, detected.mimeType);
  let row: Parameters<typeof toKnowledgeFileView>[0];
  try {
    row = await prisma.$transaction(async (tx) => {
      // Serialises this owner's uploads until commit (the limits span all their GPTs).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`knowledge-upload:${gpt.ownerId}`}))`;
      await checkRoom(tx, checked);
      return tx.knowledgeFile.create({
        data: {
          gptId: gpt.id,
          ownerId: gpt.ownerId,
          name,
          kind: detected.kind,
          mimeType: detected.mimeType,
          sizeBytes: size,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          blobKey,
          status: "QUEUED",
        },
        select: knowledgeFileViewSelect,
      });
    });
  } catch (error) {
    await deleteObject(blobKey).catch((cleanupError: unknown) =>
      console.error(`[atelier] could not delete orphan blob ${blobKey}`, cleanupError),
    );
    throw error;
  }
  // A failed send is not fatal: the file stays QUEUED and start-up recovery sends it again.
  await enqueue("knowledge-ingest", { fileId: row.id }).catch((error: unknown) =>
    console.error(`[atelier] could not queue knowledge file ${row.id}`, error),
  );
  return toKnowledgeFileView(row, false);
}
