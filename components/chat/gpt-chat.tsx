import type { ReactNode } from "react";
import type { Actor } from "@/lib/auth/session";
import type { ChatMessage } from "@/lib/chat/schemas";
import type { GptPage } from "@/lib/gpts/gpt-page-query";
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
  intro,
  introFooter,
}: {
  gpt: GptPage;
  actor: Actor | null;
  hasModel: boolean;
  signInHref: string;
  conversation?: { id: string; messages: ChatMessage[] };
  /** The GPT page's remix and settings details, under the intro. */
  introExtras?: ReactNode;
  /** The GPT page's store header, in place of the plain intro. */
  intro?: ReactNode;
  /** The GPT page's capabilities, reviews and more, under the starters. */
  introFooter?: ReactNode;
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
      intro={intro}
      introFooter={introFooter}
    />
  );
}
