"use client";

import { useRef } from "react";
import type { MentionableGpt } from "@/lib/chat/mentionable-gpts";
import { type AnsweredBy, MENTION_PART_TYPE, mentionOf } from "@/lib/chat/schemas";

type UserMessageInput = {
  parts: (
    | { type: "text"; text: string }
    | { type: typeof MENTION_PART_TYPE; data: { gptId: string; name: string } }
  )[];
};

/**
 * What the chat needs for @mentions: the user message to send (text plus a `data-mention` part,
 * which the transport turns into `mentionGptId`), and who answers while the reply is pending
 * (the picked GPT's picture, before the stream's first chunk names it).
 */
export function useMentionMessages() {
  const picked = useRef(new Map<string, AnsweredBy>());

  function userMessage(text: string, mention: MentionableGpt | null): UserMessageInput {
    if (!mention) return { parts: [{ type: "text", text }] };
    picked.current.set(mention.id, {
      gptId: mention.id,
      name: mention.name,
      avatarUrl: mention.avatarUrl,
      avatarColor: mention.avatarColor,
    });
    return {
      parts: [
        { type: "text", text },
        { type: MENTION_PART_TYPE, data: { gptId: mention.id, name: mention.name } },
      ],
    };
  }

  /** The GPT that will answer the last (user) message, when it mentions one. */
  function pendingAnswerer(last: { role: string; parts: unknown } | undefined): AnsweredBy | null {
    const mention = last?.role === "user" ? mentionOf(last.parts) : null;
    if (!mention) return null;
    return picked.current.get(mention.gptId) ?? { ...mention, avatarUrl: null, avatarColor: null };
  }

  return { userMessage, pendingAnswerer };
}
