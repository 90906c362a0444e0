import type { ChatMessage } from "@/lib/chat/schemas";
import { json } from "./hooks";

/**
 * Stops the answer being written in a conversation, in whichever server process writes it.
 * Resolves once it is saved as interrupted (with its partial text), so the next message never
 * races it; `messageId` is null when nothing was being written (it had already ended).
 */
export async function stopAnswerRequest(
  conversationId: string,
): Promise<{ messageId: string | null }> {
  return json(
    await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/stop`, {
      method: "POST",
    }),
  );
}

/** The conversation's visible messages as saved: what a reload would show. */
export async function savedMessagesRequest(conversationId: string): Promise<ChatMessage[]> {
  const { conversation } = await json<{ conversation: { messages: ChatMessage[] } }>(
    await fetch(`/api/conversations/${encodeURIComponent(conversationId)}`),
  );
  return conversation.messages;
}

/** The AI SDK's resume URL for a conversation's answer being written (204 when none). */
export function resumeStreamUrl(conversationId: string): string {
  return `/api/chat/${encodeURIComponent(conversationId)}/stream`;
}

/**
 * A fetch for a chat transport. It learns the conversation id from the `x-conversation-id`
 * header (a new conversation's id arrives with the response, before any text), and it lets Stop
 * wait for a turn that is still starting: until its response arrives, the answer to stop may not
 * exist yet (and a new conversation has no id to stop it by).
 */
export function createTurnFetch({
  onConversationId,
  onResponse,
}: {
  onConversationId: (id: string) => void;
  /** After each response (or failure to get one) of a POST, before the stream is read. */
  onResponse?: (response: Response | null) => void;
}) {
  let pending: Promise<unknown> | null = null;
  const turnFetch: typeof fetch = async (input, init) => {
    if (init?.method !== "POST") return fetch(input, init);
    const request = fetch(input, init);
    pending = request.catch(() => null);
    const response = await request.catch((error: unknown) => {
      onResponse?.(null);
      throw error;
    });
    const id = response.headers.get("x-conversation-id");
    if (id) onConversationId(id);
    onResponse?.(response);
    return response;
  };
  return {
    fetch: turnFetch,
    /** Resolves when the last POST has its response (or failed). */
    whenResponded: async () => {
      await pending;
    },
  };
}
