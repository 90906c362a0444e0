import type { ChatMessageStatus } from "@/lib/chat/schemas";

/**
 * Pure transforms of the chat's message list (useChat's UIMessages, or stored ChatMessages). A
 * message the server sent (history) carries `metadata.status`; a user message typed here has a
 * local id until its answer's start metadata names the saved question (`questionId`).
 */

type Metadata = {
  status?: ChatMessageStatus;
  errorMessage?: string | null;
  questionId?: string | null;
};

export type ListMessage = {
  id: string;
  role: "user" | "assistant" | "system";
  parts: unknown[];
  metadata?: unknown;
};

function metadataOf(message: ListMessage | undefined): Metadata {
  return (message?.metadata ?? {}) as Metadata;
}

export function textOfParts(parts: unknown[]): string {
  return parts
    .map((part) => {
      const candidate = part as { type?: unknown; text?: unknown };
      return candidate?.type === "text" && typeof candidate.text === "string" ? candidate.text : "";
    })
    .join("");
}

export function lastUserIndex(messages: readonly ListMessage[]): number {
  return messages.findLastIndex((message) => message.role === "user");
}

/**
 * The server id of the question at `index`, or null while it is not known to be saved: a stored
 * message is its own id; a message typed here gets it from its answer's `questionId`.
 */
export function savedQuestionId(messages: readonly ListMessage[], index: number): string | null {
  const question = messages[index];
  if (question?.role !== "user") return null;
  if (metadataOf(question).status) return question.id;
  const answer = messages[index + 1];
  if (answer?.role !== "assistant") return null;
  return metadataOf(answer).questionId ?? null;
}

/** An answer still being written (or one whose final status has not arrived yet). */
export function isUnfinishedAnswer(message: ListMessage | undefined): boolean {
  if (message?.role !== "assistant") return false;
  const { status } = metadataOf(message);
  return status === undefined || status === "STREAMING";
}

/**
 * The last answer marked as the server stores it once it ended early: INTERRUPTED after a Stop
 * (errorMessage null), FAILED with the error. Only an unfinished last answer changes; the list is
 * returned as it was otherwise.
 */
export function markLastAnswer<M extends ListMessage>(
  messages: M[],
  ending: { status: "INTERRUPTED" | "FAILED"; errorMessage?: string | null },
): M[] {
  const last = messages.at(-1);
  if (!last || !isUnfinishedAnswer(last)) return messages;
  const metadata = {
    ...(last.metadata as object | undefined),
    status: ending.status,
    errorMessage: ending.errorMessage ?? null,
  };
  return [...messages.slice(0, -1), { ...last, metadata }];
}

/**
 * While a reloaded page resumes an answer, the stream replays it from its start: until the replay
 * has caught up with the text the page loaded with, that text stays on screen (no blank flash).
 */
export function withResumedText<M extends ListMessage>(messages: M[], loaded: M | null): M[] {
  if (!loaded) return messages;
  const index = messages.findLastIndex((message) => message.id === loaded.id);
  if (index === -1) return messages;
  const live = messages[index]!;
  const liveText = textOfParts(live.parts);
  const loadedText = textOfParts(loaded.parts);
  if (liveText.length >= loadedText.length || !loadedText.startsWith(liveText)) return messages;
  const shown = {
    ...live,
    parts: loaded.parts,
    metadata: { ...(loaded.metadata as object), ...(live.metadata as object) },
  };
  return [...messages.slice(0, index), shown, ...messages.slice(index + 1)];
}

/** Whether the last message is an answer the given status describes as still being written. */
export function endsWithStreamingAnswer(messages: readonly ListMessage[]): boolean {
  return (
    metadataOf(messages.at(-1)).status === "STREAMING" && messages.at(-1)?.role === "assistant"
  );
}
