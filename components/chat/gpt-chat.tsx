import type { ReactNode } from "react";
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
  introExtras,
}: {
  gpt: GptPage;
  actor: Actor | null;
  hasModel: boolean;
  signInHref: string;
  conversation?: { id: string; messages: ChatMessage[] };
  /** The GPT page's remix and settings details, under the intro. */
  introExtras?: ReactNode;
}) {
  return (
    <ChatPanel
      key={conversation?.id ?? gpt.id}
      gptId={gpt.id}
      gptName={gpt.name}
      avatarSrc={gpt.avatarUrl}
      avatarColor={gpt.avatarColor}
      description={gpt.description}
      creatorName={gpt.creatorName}
      conversationCount={gpt.conversationCount}
      starters={gpt.conversationStarters}
      conversationId={conversation?.id}
      initialMessages={conversation?.messages}
      signInHref={actor ? undefined : signInHref}
      noModel={actor && !hasModel ? { isAdmin: actor.role === "ADMIN" } : undefined}
      introExtras={introExtras}
    />
  );
}
