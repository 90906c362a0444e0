import { z } from "zod";
import type { CitationsPart } from "../knowledge/citations/types";

export const MESSAGE_MAX_CHARS = 32_000;

/** The client sends only the new message; history is reloaded from the database. */
export const chatRequestSchema = z.object({
  gptId: z.string().min(1),
  conversationId: z.string().min(1).optional(),
  /** Preview chats talk to the owner's draft and are metered on the `preview` channel. */
  isPreview: z.boolean().default(false),
  trigger: z.enum(["submit-message", "regenerate-message"]).default("submit-message"),
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
/** Citations (lib/knowledge/citations/types.ts) are a `data-citations` part, live and stored. */
export type StoredPart = TextPart | CitationsPart;

export type ChatMessageStatus = "COMPLETE" | "INTERRUPTED" | "FAILED";

/** The shape the chat UI renders (compatible with the AI SDK's UIMessage). */
export type ChatMessage = {
  id: string;
  role: "user" | "assistant";
  parts: StoredPart[];
  metadata?: { status?: ChatMessageStatus; errorMessage?: string | null };
};

export function textOf(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  return parts
    .filter((part): part is TextPart => part?.type === "text" && typeof part.text === "string")
    .map((part) => part.text)
    .join("");
}
