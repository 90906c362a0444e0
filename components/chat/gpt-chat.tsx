import type { Actor } from "@/lib/auth/session";
import type { ChatMessage } from "@/lib/chat/schemas";
import type { GptPage } from "@/lib/gpts/queries";
import { ChatPanel } from "./chat-panel";

/**
 * A published GPT's chat as the store shows it: its intro, starters and composer, a sign-in
 * prompt for visitors, and the "no model" state when the instance has none.
 */
export function GptChat({
  gpt,
  actor,
  hasModel,
  signInHref,
  conversation,
}: {
  gpt: GptPage;
  actor: Actor | null;
  hasModel: boolean;
  signInHref: string;
  conversation?: { id: string; messages: ChatMessage[] };
}) {
  return (
    <ChatPanel
      key={conversation?.id ?? gpt.id}
      gptId={gpt.id}
      gptName={gpt.name}
      description={gpt.description}
      creatorName={gpt.creatorName}
      conversationCount={gpt.conversationCount}
      starters={gpt.conversationStarters}
      conversationId={conversation?.id}
      initialMessages={conversation?.messages}
      signInHref={actor ? undefined : signInHref}
      noModel={actor && !hasModel ? { isAdmin: actor.role === "ADMIN" } : undefined}
    />
  );
}
