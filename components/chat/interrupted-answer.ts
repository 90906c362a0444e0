type StoppableMessage = { role: string; metadata?: unknown };

/**
 * After Stop, the last answer is shown as the server stores it: interrupted, with what streamed so
 * far. Returns the list unchanged when the last message is not an answer.
 */
export function markLastAnswerInterrupted<M extends StoppableMessage>(messages: M[]): M[] {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return messages;
  const metadata = (last.metadata ?? {}) as Record<string, unknown>;
  return [...messages.slice(0, -1), { ...last, metadata: { ...metadata, status: "INTERRUPTED" } }];
}
