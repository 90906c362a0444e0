import "server-only";
import { prisma } from "../db";
import type { MessageRole, MessageStatus } from "../generated/prisma/client";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import type { AnsweredBy, ChatMessage, StoredPart } from "./schemas";

/** The message columns getConversation selects for the chat UI. */
export const chatMessageSelect = {
  id: true,
  role: true,
  parts: true,
  status: true,
  errorMessage: true,
  versionId: true,
  feedback: { select: { rating: true, comment: true } },
} as const;

type MessageRow = {
  id: string;
  role: MessageRole;
  parts: unknown;
  status: MessageStatus;
  errorMessage: string | null;
  versionId: string | null;
  feedback: { rating: "UP" | "DOWN"; comment: string | null } | null;
};

/**
 * Stored messages → what the chat renders. Replies given by another GPT than the conversation's
 * own (after an @mention) carry that GPT's name and picture, from the version that answered.
 */
export async function toChatMessages({
  gptId,
  messages,
}: {
  gptId: string;
  messages: MessageRow[];
}): Promise<ChatMessage[]> {
  const versionIds = [
    ...new Set(
      messages.flatMap((message) =>
        message.role === "ASSISTANT" && message.versionId ? [message.versionId] : [],
      ),
    ),
  ];
  const versions =
    versionIds.length > 0
      ? await prisma.gptVersion.findMany({
          where: { id: { in: versionIds }, gptId: { not: gptId } },
          select: { id: true, gptId: true, name: true, avatarKey: true, avatarColor: true },
        })
      : [];
  const answeredBy = new Map<string, AnsweredBy>(
    versions.map((version) => [
      version.id,
      {
        gptId: version.gptId,
        name: version.name,
        avatarUrl: avatarUrl(version.avatarKey),
        avatarColor: version.avatarColor,
      },
    ]),
  );
  return messages.map((message) => ({
    id: message.id,
    role: message.role === "USER" ? "user" : "assistant",
    parts: (message.parts as StoredPart[]) ?? [],
    metadata: {
      status: message.status,
      errorMessage: message.errorMessage,
      answeredBy: message.versionId ? (answeredBy.get(message.versionId) ?? null) : null,
      feedback: message.feedback,
    },
  }));
}
