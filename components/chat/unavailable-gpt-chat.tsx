import type { ChatMessage } from "@/lib/chat/schemas";
import { ChatPanel } from "./chat-panel";

/**
 * A conversation whose GPT is gone (deleted by its owner, or no longer shared with this user):
 * the messages stay readable, and a notice takes the composer's place.
 */
export function UnavailableGptChat({
  conversation,
}: {
  conversation: {
    id: string;
    gptId: string;
    gptVersionName: string | null;
    messages: ChatMessage[];
  };
}) {
  return (
    <ChatPanel
      key={conversation.id}
      gptId={conversation.gptId}
      gptName={conversation.gptVersionName ?? "This GPT"}
      conversationId={conversation.id}
      initialMessages={conversation.messages}
      unavailableMessage="This GPT is no longer available. You can still read this conversation, but it can’t answer new messages."
    />
  );
}
