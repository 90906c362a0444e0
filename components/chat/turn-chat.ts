import { Chat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import type { ChatMessage, ChatMessageMetadata } from "@/lib/chat/schemas";
import { createTurnFetch, resumeStreamUrl } from "./answer-requests";
import { chatRequestBody, type RequestStage, type TurnRequest } from "./chat-retry";

type Metadata = ChatMessageMetadata & { conversationId?: string; questionId?: string | null };
export type TurnMessage = UIMessage<Metadata>;

/** What the transport knows about the chat's requests; read and written by useChatTurns. */
export type TurnRequestState = {
  /** Unknown until the server creates the conversation (x-conversation-id). */
  conversationId: string | undefined;
  /** Where the current request is: decides what a failure means (see classifyChatError). */
  stage: RequestStage;
  /** What the last POST asked for: a refused one is sent again as it was. */
  lastRequest: TurnRequest;
};

/**
 * The AI SDK chat behind the chat panel. Each send passes its TurnRequest as `body.turn`; the body
 * that goes out holds only the new message and ids (the server reloads history). Resuming reads
 * the AI SDK's resume URL for the conversation.
 */
export function createTurnChat({
  gptId,
  isPreview,
  initialMessages,
  state,
  onConversationId,
  onAccepted,
  onError,
  onFinish,
}: {
  gptId: string;
  isPreview: boolean;
  initialMessages: ChatMessage[];
  state: TurnRequestState;
  /** A conversation id the chat did not know yet (a new conversation). */
  onConversationId: (id: string) => void;
  /** A POST was accepted: its answer is saved as it streams. */
  onAccepted: () => void;
  onError: (error: Error) => void;
  onFinish: () => void;
}) {
  const turnFetch = createTurnFetch({
    onConversationId: (id) => {
      if (state.conversationId === id) return;
      state.conversationId = id;
      onConversationId(id);
    },
    onResponse: (response) => {
      if (!response?.ok) return;
      state.stage = "streaming";
      onAccepted();
    },
  });
  const transport = new DefaultChatTransport<TurnMessage>({
    api: "/api/chat",
    fetch: turnFetch.fetch,
    prepareSendMessagesRequest: ({ body }) => {
      const request = (body as { turn?: TurnRequest } | undefined)?.turn ?? {
        trigger: "regenerate-message" as const,
      };
      state.lastRequest = request;
      state.stage = "sending";
      return {
        body: chatRequestBody({ gptId, isPreview, conversationId: state.conversationId, request }),
      };
    },
    prepareReconnectToStreamRequest: () => {
      state.stage = "resuming";
      return { api: resumeStreamUrl(state.conversationId ?? "") };
    },
  });
  const chat = new Chat<TurnMessage>({
    messages: initialMessages as TurnMessage[],
    transport,
    onError,
    onFinish,
  });
  return { chat, whenResponded: turnFetch.whenResponded };
}
