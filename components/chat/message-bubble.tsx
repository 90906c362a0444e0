"use client";

import { AtSign, CircleAlert, CircleStop } from "lucide-react";
import type { ReactNode } from "react";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { Markdown } from "@/components/ui/markdown";
import type { AnsweredBy, ChatMessageStatus } from "@/lib/chat/schemas";
import type { ActionCallPartData } from "@/lib/gpt-actions/types";
import type { Citation } from "@/lib/knowledge/citations/types";
import { cn } from "@/lib/utils/cn";
import { ActionCallStep } from "./action-call-step";
import { isAwaitingUser } from "./action-calls-of";
import { ActionConsentPrompt } from "./action-consent-prompt";
import { CitationMarkdown } from "./citation-markdown";

type Props = {
  author: "user" | "assistant" | "system";
  text: string;
  gptName: string;
  gptAvatar?: { src?: string | null; color?: string | null };
  status?: ChatMessageStatus;
  errorMessage?: string | null;
  isStreaming?: boolean;
  /** Knowledge passages the answer cites; its "[n]" markers open them (citationsOf(parts)). */
  citations?: Citation[];
  /** The GPT's action calls, in stream order, shown above the answer (actionCallsOf(parts)). */
  actionCalls?: ActionCallPartData[];
  /** A user message's @mention: the GPT asked to answer it. */
  mentionName?: string | null;
  /** An answer from an @mentioned GPT: its name and picture replace the conversation's GPT. */
  answeredBy?: AnsweredBy | null;
  /** Under a finished answer (copy, regenerate, thumbs), or under a user message (edit). */
  footer?: ReactNode;
};

/** One turn: user messages as right-aligned bubbles, answers as full-width Markdown (ChatGPT-like). */
export function MessageBubble({
  author,
  text,
  gptName,
  gptAvatar,
  status,
  errorMessage,
  isStreaming,
  citations,
  actionCalls = [],
  mentionName,
  answeredBy,
  footer,
}: Props) {
  if (author === "user") {
    return (
      <div className="group flex flex-col items-end gap-1" data-testid="message-user">
        <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-muted px-4 py-2.5 text-sm sm:max-w-[75%]">
          {mentionName ? (
            <span
              className="mr-1.5 inline-flex items-center rounded-md bg-background/70 px-1.5 font-medium text-primary"
              data-testid="message-mention"
            >
              <AtSign className="size-3.5" aria-hidden />
              <span className="sr-only">Mentioned </span>
              {mentionName}
            </span>
          ) : null}
          {text}
        </div>
        {footer}
      </div>
    );
  }
  // After an @mention the reply is the mentioned GPT's: its name and picture, not the host's.
  const name = answeredBy?.name ?? gptName;
  const avatar = answeredBy
    ? { src: answeredBy.avatarUrl, color: answeredBy.avatarColor }
    : gptAvatar;
  // A waiting prompt or a running call shows its own progress instead of "Thinking".
  const isActionPending = actionCalls.some(
    (call) => isAwaitingUser(call) || call.state === "running",
  );
  return (
    <div
      className="flex gap-3"
      data-testid="message-assistant"
      data-status={status ?? (isStreaming ? "STREAMING" : "COMPLETE")}
      data-answered-by={answeredBy?.name}
    >
      <GptAvatar
        name={name}
        src={avatar?.src}
        color={avatar?.color}
        size="md"
        className="mt-0.5 shrink-0"
      />
      <div className={cn("min-w-0 flex-1 text-sm", isStreaming && "streaming")}>
        {answeredBy ? (
          <p className="mb-1 text-xs font-semibold" data-testid="answered-by">
            {answeredBy.name}
          </p>
        ) : null}
        {actionCalls.map((call) =>
          isStreaming && isAwaitingUser(call) ? (
            <ActionConsentPrompt
              key={`${call.toolCallId}:${call.state}:${call.promptId}`}
              call={call}
              gptName={name}
            />
          ) : (
            <ActionCallStep key={call.toolCallId} call={call} isLive={!!isStreaming} />
          ),
        )}
        {text ? (
          citations && citations.length > 0 ? (
            <CitationMarkdown citations={citations}>{text}</CitationMarkdown>
          ) : (
            <Markdown>{text}</Markdown>
          )
        ) : isStreaming && !isActionPending ? (
          <span className="inline-flex items-center gap-1 py-2" role="status">
            <span className="sr-only">Thinking</span>
            <span className="size-2 animate-pulse rounded-full bg-muted-foreground" />
            <span className="size-2 animate-pulse rounded-full bg-muted-foreground [animation-delay:150ms]" />
            <span className="size-2 animate-pulse rounded-full bg-muted-foreground [animation-delay:300ms]" />
          </span>
        ) : null}
        {status === "INTERRUPTED" && !errorMessage && (
          <p className="mt-2 inline-flex items-center gap-1.5 text-xs text-muted-foreground">
            <CircleStop className="size-3.5" aria-hidden /> Stopped
          </p>
        )}
        {/* Cut off by a server restart or crash: the server says so (and how to get the rest). */}
        {status === "INTERRUPTED" && errorMessage && (
          <p className="mt-2 flex items-start gap-1.5 text-xs text-muted-foreground">
            <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden /> {errorMessage}
          </p>
        )}
        {status === "FAILED" && (
          <p role="alert" className="mt-2 flex items-start gap-1.5 text-xs text-destructive">
            <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden />{" "}
            {errorMessage ?? "This answer failed."}
          </p>
        )}
        {footer}
      </div>
    </div>
  );
}
