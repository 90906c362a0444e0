import { z } from "zod";
import type { CitationsPart } from "../knowledge/citations/types";

export const MESSAGE_MAX_CHARS = 32_000;

/** The client sends only the new message; history is reloaded from the database. */
export const chatRequestSchema = z.object({
  gptId: z.string().min(1),
  conversationId: z.string().min(1).optional(),
  /** Preview chats talk to the owner's draft and are metered on the `preview` channel. */
  isPreview: z.boolean().default(false),
  /**
   * submit-message: a new message. regenerate-message: answer the last question again (the answer
   * is replaced, kept hidden). edit-message: replace the last question (editMessageId) with `message`.
   */
  trigger: z
    .enum(["submit-message", "regenerate-message", "edit-message"])
    .default("submit-message"),
  /**
   * edit-message: the id of the user's latest message, which the new text replaces (a guard: when
   * given it must still be the latest; the stream's start metadata carries it as `questionId`).
   */
  editMessageId: z.string().min(1).max(64).optional(),
  /**
   * "@GPT": another GPT the user may view answers the next reply only (the conversation stays with
   * its own GPT). The mention is stored on the user's message, so a retry keeps it.
   */
  mentionGptId: z.string().trim().min(1).max(64).optional(),
  message: z
    .object({
      text: z
        .string()
        .trim()
        .min(1, "Type a message first.")
        .max(
          MESSAGE_MAX_CHARS,
          `Messages are limited to ${MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters.`,
        ),
    })
    .optional(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export type TextPart = { type: "text"; text: string };

export const MENTION_PART_TYPE = "data-mention" as const;
/**
 * The GPT a user message @mentions (a UI data part, like citations): its name as it was when
 * mentioned, so the history keeps showing "@Name". The model never sees it (see textOf).
 */
export type MentionPart = {
  type: typeof MENTION_PART_TYPE;
  data: { gptId: string; name: string };
};

/** Citations (lib/knowledge/citations/types.ts) are a `data-citations` part, live and stored. */
export type StoredPart = TextPart | CitationsPart | MentionPart;

export type ChatMessageStatus = "STREAMING" | "COMPLETE" | "INTERRUPTED" | "FAILED";

/** A reply given by another GPT than the conversation's own (after an @mention). */
export type AnsweredBy = {
  gptId: string;
  name: string;
  avatarUrl: string | null;
  avatarColor: string | null;
};

export type FeedbackRating = "UP" | "DOWN";
/** The owner's thumbs on an assistant message (lib/feedback). */
export type MessageFeedbackState = { rating: FeedbackRating; comment: string | null };

export type ChatMessageMetadata = {
  status?: ChatMessageStatus;
  errorMessage?: string | null;
  answeredBy?: AnsweredBy | null;
  feedback?: MessageFeedbackState | null;
};

/** The shape the chat UI renders (compatible with the AI SDK's UIMessage). */
export type ChatMessage = {
  id: string;
  role: "user" | "assistant";
  parts: StoredPart[];
  metadata?: ChatMessageMetadata;
};

/** The mention of a user message's parts, if any (live and stored messages alike). */
export function mentionOf(parts: unknown): MentionPart["data"] | null {
  if (!Array.isArray(parts)) return null;
  const part = parts.find(
    (candidate): candidate is MentionPart =>
      candidate?.type === MENTION_PART_TYPE &&
      typeof candidate.data?.gptId === "string" &&
      typeof candidate.data?.name === "string",
  );
  return part ? { gptId: part.data.gptId, name: part.data.name } : null;
}

export function textOf(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  return parts
    .filter((part): part is TextPart => part?.type === "text" && typeof part.text === "string")
    .map((part) => part.text)
    .join("");
}
