import "server-only";
import { createUIMessageStreamResponse, type UIMessageChunk } from "ai";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { toChatMessages } from "../conversation-messages";
import { textOf } from "../schemas";
import { findLiveAnswer } from "./live-answers";

/** A reader in another process than the writer follows the checkpoints at this pace. */
const POLL_MS = 500;
/** Longer than any answer; a reader left open past it simply reconnects. */
const MAX_FOLLOW_MS = 20 * 60_000;

/**
 * Resumes the answer being written in one of the actor's conversations (a reload, another tab or
 * device): the text so far, then the rest live, as an AI SDK UI message stream. Written in this
 * process: a replay of its chunks, then the live ones. Written in another process: its
 * checkpoints, followed until the row is final. 204 when nothing is being written.
 */
export async function resumeAnswer({
  actor,
  conversationId,
}: {
  actor: Actor;
  conversationId: string;
}): Promise<Response> {
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, userId: actor.id, isHidden: false },
    select: { id: true, gptId: true },
  });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  const local = findLiveAnswer({ conversationId });
  if (local && local.userId === actor.id) {
    return local.response();
  }
  const streaming = await prisma.message.findFirst({
    where: { conversationId, status: "STREAMING" },
    select: { id: true },
  });
  if (!streaming) return new Response(null, { status: 204 });
  return createUIMessageStreamResponse({
    stream: followCheckpoints({
      messageId: streaming.id,
      conversationId,
      gptId: conversation.gptId,
    }),
  });
}

type Row = { parts: unknown; status: string; errorMessage: string | null };

function followCheckpoints({
  messageId,
  conversationId,
  gptId,
}: {
  messageId: string;
  conversationId: string;
  gptId: string;
}): ReadableStream<UIMessageChunk> {
  let isCancelled = false;
  return new ReadableStream<UIMessageChunk>({
    start: async (controller) => {
      const select = { parts: true, status: true, errorMessage: true } as const;
      const first = await prisma.message.findUnique({
        where: { id: messageId },
        select: { ...select, id: true, role: true, versionId: true, createdAt: true },
      });
      if (!first) {
        controller.close();
        return;
      }
      const [shown] = await toChatMessages({ gptId, messages: [{ ...first, feedback: null }] });
      const question = await prisma.message.findFirst({
        where: {
          conversationId,
          role: "USER",
          supersededAt: null,
          createdAt: { lt: first.createdAt },
        },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      // The same start metadata as the writing process sends (stream-turn.ts).
      controller.enqueue({
        type: "start",
        messageId,
        messageMetadata: {
          conversationId,
          questionId: question?.id ?? null,
          answeredBy: shown?.metadata?.answeredBy ?? null,
          status: "STREAMING",
        },
      });
      controller.enqueue({ type: "text-start", id: "resumed" });
      const sent = { text: "", dataKeys: new Map<string, string>() };
      const startedAt = Date.now();
      let row: Row | null = first;
      while (row && !isCancelled) {
        for (const chunk of newChunks(row, sent)) controller.enqueue(chunk);
        if (row.status !== "STREAMING" || Date.now() - startedAt > MAX_FOLLOW_MS) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        row = await prisma.message.findUnique({ where: { id: messageId }, select });
      }
      if (isCancelled) return;
      controller.enqueue({ type: "text-end", id: "resumed" });
      if (row && row.status !== "STREAMING") {
        controller.enqueue({
          type: "message-metadata",
          messageMetadata: { status: row.status, errorMessage: row.errorMessage },
        });
      }
      controller.enqueue({ type: "finish" });
      controller.close();
    },
    cancel: () => {
      isCancelled = true;
    },
  });
}

/** What changed in the row since the last poll: new text, and data parts whose content changed. */
function newChunks(row: Row, sent: { text: string; dataKeys: Map<string, string> }) {
  const chunks: UIMessageChunk[] = [];
  const parts = Array.isArray(row.parts) ? (row.parts as { type: string; id?: string }[]) : [];
  for (const part of parts) {
    if (!part.type.startsWith("data-")) continue;
    const key = `${part.type}:${part.id ?? ""}`;
    const content = JSON.stringify(part);
    if (sent.dataKeys.get(key) === content) continue;
    sent.dataKeys.set(key, content);
    chunks.push(part as UIMessageChunk);
  }
  const text = textOf(row.parts);
  if (text.length > sent.text.length && text.startsWith(sent.text)) {
    chunks.push({ type: "text-delta", id: "resumed", delta: text.slice(sent.text.length) });
    sent.text = text;
  }
  return chunks;
}
