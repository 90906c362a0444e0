"use client";

import { CircleAlert, CircleStop } from "lucide-react";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { Markdown } from "@/components/ui/markdown";
import type { ChatMessageStatus } from "@/lib/chat/schemas";
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
}: Props) {
  if (author === "user") {
    return (
      <div className="flex justify-end" data-testid="message-user">
        <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-muted px-4 py-2.5 text-sm sm:max-w-[75%]">
          {text}
        </div>
      </div>
    );
  }
  // A waiting prompt or a running call shows its own progress instead of "Thinking".
  const isActionPending = actionCalls.some(
    (call) => isAwaitingUser(call) || call.state === "running",
  );
  return (
    <div
      className="flex gap-3"
      data-testid="message-assistant"
      data-status={status ?? (isStreaming ? "STREAMING" : "COMPLETE")}
    >
      <GptAvatar
        name={gptName}
        src={gptAvatar?.src}
        color={gptAvatar?.color}
        size="md"
        className="mt-0.5 shrink-0"
      />
      <div className={cn("min-w-0 flex-1 text-sm", isStreaming && "streaming")}>
        {actionCalls.map((call) =>
          isStreaming && isAwaitingUser(call) ? (
            <ActionConsentPrompt
              key={`${call.toolCallId}:${call.state}:${call.promptId}`}
              call={call}
              gptName={gptName}
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
        {status === "INTERRUPTED" && (
          <p className="mt-2 inline-flex items-center gap-1.5 text-xs text-muted-foreground">
            <CircleStop className="size-3.5" aria-hidden /> Stopped
          </p>
        )}
        {status === "FAILED" && (
          <p className="mt-2 inline-flex items-center gap-1.5 text-xs text-destructive">
            <CircleAlert className="size-3.5" aria-hidden /> {errorMessage ?? "This answer failed."}
          </p>
        )}
      </div>
    </div>
  );
}
