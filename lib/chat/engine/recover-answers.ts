import "server-only";
import { prisma } from "../../db";
import {
  currentInstanceId,
  findDeadInstanceIds,
  forgetInstances,
} from "../../instances/app-instance";
import { countPromptTokens, countTokens } from "../../usage/count-tokens";
import { textOf } from "../schemas";
import { finalizeAnswer } from "./finalize-answer";

export const RECOVERED_MESSAGE =
  "This answer was cut off when the server stopped unexpectedly. Regenerate it to get a full answer.";
/** How often every process looks for answers left STREAMING by a dead one. */
export const SWEEP_INTERVAL_MS = 15_000;

/**
 * Finalises the answers that dead processes left STREAMING: each becomes INTERRUPTED with its last
 * checkpointed text and exactly one usage event, its tokens counted locally (marked estimated).
 * A process is dead when its heartbeat is older than INSTANCE_STALE_MS, or it ran on this host and
 * its pid is gone; a live process's answers are never touched. `isSoleProcess` (embedded PGlite,
 * where one process owns the database) treats every other owner as dead: it is a restart.
 *
 * Idempotent and safe to run from several processes at once: finalizeAnswer only moves a STREAMING
 * row, and the usage event is unique per message. Answers whose final write was handed to the
 * durable job are left to it (`hasPendingFinalize`). Returns how many answers it finalised.
 */
export async function recoverAnswers({
  isSoleProcess,
  hasPendingFinalize = async () => false,
}: {
  isSoleProcess: boolean;
  hasPendingFinalize?: (messageId: string) => Promise<boolean>;
}): Promise<number> {
  const self = currentInstanceId();
  const dead = isSoleProcess ? null : await findDeadInstanceIds();
  const orphans = await prisma.message.findMany({
    where: {
      status: "STREAMING",
      instanceId: isSoleProcess ? { not: self } : { in: dead ?? [] },
    },
    select: { id: true },
  });
  // Rows whose instance row is missing altogether (deleted by a clean shutdown mid-answer).
  const unowned = isSoleProcess
    ? []
    : await prisma.$queryRaw<{ id: string }[]>`
        SELECT m."id" FROM "Message" m
        WHERE m."instanceId" IS NOT NULL AND m."instanceId" <> ${self} AND m."status" = 'STREAMING'
          AND NOT EXISTS (SELECT 1 FROM "AppInstance" i WHERE i."id" = m."instanceId")`;
  let recovered = 0;
  for (const { id } of [...orphans, ...unowned]) {
    if (await hasPendingFinalize(id)) continue;
    if (await recoverAnswer(id)) recovered += 1;
  }
  if (dead && dead.length > 0) {
    const remaining = await prisma.message.count({
      where: { status: "STREAMING", instanceId: { in: dead } },
    });
    if (remaining === 0) await forgetInstances(dead);
  }
  if (isSoleProcess) {
    await prisma.appInstance.deleteMany({ where: { id: { not: self } } });
  }
  return recovered;
}

async function recoverAnswer(messageId: string): Promise<boolean> {
  const message = await prisma.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      parts: true,
      status: true,
      gptId: true,
      channel: true,
      versionId: true,
      createdAt: true,
      modelConfig: {
        select: { modelId: true, inputPricePerMillion: true, outputPricePerMillion: true },
      },
      conversation: {
        select: { id: true, userId: true, gptId: true, gpt: { select: { instructions: true } } },
      },
    },
  });
  if (message?.status !== "STREAMING") return false;
  const gptId = message.gptId ?? message.conversation.gptId;
  const gpt = await prisma.gpt.findUnique({ where: { id: gptId }, select: { ownerId: true } });
  const text = textOf(message.parts);
  return finalizeAnswer({
    messageId: message.id,
    conversationId: message.conversation.id,
    parts: Array.isArray(message.parts) ? message.parts : [],
    status: "INTERRUPTED",
    errorMessage: RECOVERED_MESSAGE,
    usage: {
      inputTokens: await estimatePromptTokens({
        conversationId: message.conversation.id,
        before: message.createdAt,
        versionId: message.versionId,
        draftInstructions: message.conversation.gpt.instructions,
      }),
      outputTokens: countTokens(text),
      isEstimated: true,
    },
    meter: {
      userId: message.conversation.userId,
      gptId,
      creatorId: gpt?.ownerId ?? message.conversation.userId,
      channel: message.channel ?? "STORE",
      modelId: message.modelConfig?.modelId ?? "unknown",
      inputPricePerMillion: message.modelConfig?.inputPricePerMillion ?? 0,
      outputPricePerMillion: message.modelConfig?.outputPricePerMillion ?? 0,
    },
  });
}

/**
 * The prompt as the dead process probably sent it: the answering instructions and the visible
 * history before the answer (knowledge passages and tool results are not known any more).
 */
async function estimatePromptTokens({
  conversationId,
  before,
  versionId,
  draftInstructions,
}: {
  conversationId: string;
  before: Date;
  versionId: string | null;
  draftInstructions: string;
}): Promise<number> {
  const [history, version] = await Promise.all([
    prisma.message.findMany({
      where: {
        conversationId,
        supersededAt: null,
        createdAt: { lt: before },
        status: { in: ["COMPLETE", "INTERRUPTED"] },
      },
      select: { parts: true },
    }),
    versionId
      ? prisma.gptVersion.findUnique({ where: { id: versionId }, select: { instructions: true } })
      : null,
  ]);
  return countPromptTokens([
    { content: version?.instructions ?? draftInstructions },
    ...history.map((message) => ({ content: textOf(message.parts) })),
  ]);
}
