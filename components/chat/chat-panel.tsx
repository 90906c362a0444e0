"use client";

import { useChat } from "@ai-sdk/react";
import { useQueryClient } from "@tanstack/react-query";
import { DefaultChatTransport, type UIMessage } from "ai";
import { RotateCcw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useMemo, useRef } from "react";
import { StickToBottom } from "use-stick-to-bottom";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { MentionableGpt } from "@/lib/chat/mentionable-gpts";
import { type ChatMessage, type ChatMessageMetadata, mentionOf } from "@/lib/chat/schemas";
import { citationsOf } from "@/lib/knowledge/citations/types";
import { cn } from "@/lib/utils/cn";
import { actionCallsOf } from "./action-calls-of";
import { Composer } from "./composer";
import { conversationKeys } from "./hooks";
import { markLastAnswerInterrupted } from "./interrupted-answer";
import { useMentionMessages } from "./mention-messages";
import { MessageBubble } from "./message-bubble";
import { MessageFeedback } from "./message-feedback";
import { parseChatError } from "./parse-chat-error";

type Metadata = ChatMessageMetadata & { conversationId?: string };
type Message = UIMessage<Metadata>;

export type ChatPanelProps = {
  gptId: string;
  gptName: string;
  /** The GPT's picture, else its initials on `avatarColor` (or a colour from the name). */
  avatarSrc?: string | null;
  avatarColor?: string | null;
  isPreview?: boolean;
  conversationId?: string;
  initialMessages?: ChatMessage[];
  starters?: string[];
  description?: string;
  creatorName?: string;
  conversationCount?: number;
  /** Signed-out visitors see the GPT and a sign-in prompt instead of the composer. */
  signInHref?: string;
  /** Set when the instance has no model: explains how to add one (with a link for admins). */
  noModel?: { isAdmin: boolean };
  /**
   * Replaces the composer when the GPT can no longer answer (deleted by its owner, or no longer
   * shared with this user): the history stays readable.
   */
  unavailableMessage?: string;
  /** Extra content under the intro's byline (the GPT page's remix and settings details). */
  introExtras?: ReactNode;
  /** Replaces the intro's avatar, name and byline (the GPT page renders its own store header). */
  intro?: ReactNode;
  /** Under the starters while the conversation is empty (the GPT page's details and reviews). */
  introFooter?: ReactNode;
  className?: string;
};

function textOf(message: Message): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/**
 * A chat with one GPT. The client sends only the new message and the conversation id; the server
 * reloads history. A new conversation's id arrives in the response's x-conversation-id header,
 * before any text, so even an immediate Stop keeps the next message in the same conversation.
 */
export function ChatPanel(props: ChatPanelProps) {
  const { gptId, gptName, isPreview = false, initialMessages = [], starters = [] } = props;
  const queryClient = useQueryClient();
  const router = useRouter();
  const { signInHref } = props;
  const conversationIdRef = useRef<string | undefined>(props.conversationId);

  const transport = useMemo(() => {
    // Learn the id of a conversation the server just created, and give it its own URL.
    const adoptConversation = (id: string) => {
      if (conversationIdRef.current === id) return;
      conversationIdRef.current = id;
      if (!isPreview) window.history.replaceState(null, "", `/c/${id}`);
      queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    };
    return new DefaultChatTransport<Message>({
      api: "/api/chat",
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const id = response.headers.get("x-conversation-id");
        if (id) adoptConversation(id);
        return response;
      },
      prepareSendMessagesRequest: ({ messages, trigger }) => {
        const lastUser = [...messages].reverse().find((message) => message.role === "user");
        return {
          body: {
            gptId,
            isPreview,
            conversationId: conversationIdRef.current,
            trigger,
            message: lastUser ? { text: textOf(lastUser) } : undefined,
            // The server checks it and stores it with the message; a retry sends it again.
            mentionGptId: lastUser ? mentionOf(lastUser.parts)?.gptId : undefined,
          },
        };
      },
    });
  }, [gptId, isPreview, queryClient]);

  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError } =
    useChat<Message>({
      messages: initialMessages as Message[],
      transport,
      onFinish: () => {
        queryClient.invalidateQueries({ queryKey: conversationKeys.all });
      },
    });

  const isBusy = status === "submitted" || status === "streaming";
  const errorMessage = parseChatError(error);
  const canChat = !props.signInHref && !props.noModel && !props.unavailableMessage;

  const mentions = useMentionMessages();

  function send(text: string, options?: { mention: MentionableGpt | null }) {
    clearError();
    sendMessage(mentions.userMessage(text, options?.mention ?? null));
  }

  /** Stops the stream; the partial answer is kept (the server saves it as interrupted). */
  async function stopAnswer() {
    const wasStreaming = status === "streaming";
    await stop();
    if (!wasStreaming) return;
    setMessages(markLastAnswerInterrupted);
  }

  return (
    <div className={cn("flex h-full min-h-0 flex-col", props.className)}>
      <StickToBottom
        className="relative min-h-0 flex-1 overflow-y-auto"
        resize="smooth"
        // A new chat opens on its intro (the GPT page's header, starters, reviews), not its end.
        initial={initialMessages.length > 0 ? "instant" : false}
      >
        <StickToBottom.Content className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6">
          {messages.length === 0 ? (
            <ChatIntro
              {...props}
              starters={starters}
              // Visitors: a starter is a way in, through sign-in and back to this GPT.
              onStarter={canChat ? send : signInHref ? () => router.push(signInHref) : undefined}
            />
          ) : (
            messages.map((message, index) => {
              const isStreaming =
                isBusy && index === messages.length - 1 && message.role === "assistant";
              const actionCalls = actionCallsOf(message.parts);
              // An answer that failed before any text has nothing to show; the alert explains.
              if (
                message.role === "assistant" &&
                !textOf(message) &&
                actionCalls.length === 0 &&
                !isStreaming &&
                !message.metadata?.status
              ) {
                return null;
              }
              return (
                <MessageBubble
                  key={message.id}
                  author={message.role}
                  text={textOf(message)}
                  citations={citationsOf(message.parts)}
                  actionCalls={actionCalls}
                  gptName={gptName}
                  gptAvatar={{ src: props.avatarSrc, color: props.avatarColor }}
                  status={message.metadata?.status}
                  errorMessage={message.metadata?.errorMessage}
                  isStreaming={isStreaming}
                  mentionName={message.role === "user" ? mentionOf(message.parts)?.name : null}
                  answeredBy={message.metadata?.answeredBy}
                  footer={
                    message.role === "assistant" &&
                    !isPreview &&
                    !isStreaming &&
                    message.metadata?.status !== "FAILED" ? (
                      <MessageFeedback
                        messageId={message.id}
                        gptName={message.metadata?.answeredBy?.name ?? gptName}
                        initial={message.metadata?.feedback}
                      />
                    ) : null
                  }
                />
              );
            })
          )}
          {status === "submitted" && messages.at(-1)?.role === "user" && (
            <MessageBubble
              author="assistant"
              text=""
              gptName={gptName}
              gptAvatar={{ src: props.avatarSrc, color: props.avatarColor }}
              answeredBy={mentions.pendingAnswerer(messages.at(-1))}
              isStreaming
            />
          )}
          {errorMessage && (
            <Alert
              variant="destructive"
              className="flex flex-wrap items-center justify-between gap-3"
              data-testid="chat-error"
            >
              <span>{errorMessage}</span>
              <Button
                size="sm"
                variant="outline"
                onClick={() => {
                  clearError();
                  regenerate();
                }}
              >
                <RotateCcw className="size-3.5" aria-hidden /> Retry
              </Button>
            </Alert>
          )}
        </StickToBottom.Content>
      </StickToBottom>
      <div className="mx-auto w-full max-w-3xl px-4 pb-4">
        {props.unavailableMessage ? (
          <Alert variant="warning" role="status" data-testid="gpt-unavailable">
            {props.unavailableMessage}
          </Alert>
        ) : props.noModel ? (
          <Alert variant="warning" data-testid="no-model">
            No model is configured on this Atelier instance, so GPTs cannot answer yet.{" "}
            {props.noModel.isAdmin ? (
              <Link href="/admin/models" className="font-medium underline">
                Add a model in Admin → Models
              </Link>
            ) : (
              "An administrator can add one under Admin → Models, or start the server with OPENAI_API_KEY set."
            )}
          </Alert>
        ) : props.signInHref ? (
          <div className="flex flex-col items-center gap-2 rounded-2xl border bg-card p-4 text-center text-sm sm:flex-row sm:justify-between sm:text-left">
            <span className="text-muted-foreground">Sign in to chat with {gptName}.</span>
            <Button asChild>
              <Link href={props.signInHref}>Sign in to chat</Link>
            </Button>
          </div>
        ) : (
          <Composer
            onSend={send}
            onStop={stopAnswer}
            isBusy={isBusy}
            placeholder={`Message ${gptName}`}
            // The preview answers from the draft only; "@" is for store chats.
            mentions={isPreview ? undefined : { excludeGptId: gptId }}
          />
        )}
        <p className="mt-2 text-center text-xs text-muted-foreground">
          {isPreview
            ? "Preview: chats with your saved draft and is not shown to anyone else."
            : "GPTs can make mistakes. Check important information."}
        </p>
      </div>
    </div>
  );
}

function ChatIntro({
  gptName,
  avatarSrc,
  avatarColor,
  description,
  creatorName,
  conversationCount,
  starters = [],
  onStarter,
  introExtras,
  intro,
  introFooter,
}: ChatPanelProps & { onStarter?: (text: string) => void }) {
  return (
    <div className={cn("flex flex-col items-center gap-3 text-center", !intro && "pt-8 sm:pt-16")}>
      {intro ?? (
        <>
          <GptAvatar name={gptName} src={avatarSrc} color={avatarColor} size="xl" />
          <h2 className="text-2xl font-semibold tracking-tight">{gptName}</h2>
          {description && <p className="max-w-md text-sm text-muted-foreground">{description}</p>}
          {creatorName && (
            <p className="text-xs text-muted-foreground">
              By {creatorName}
              {conversationCount !== undefined && (
                <>
                  {" · "}
                  <span data-testid="conversation-count">
                    {conversationCount.toLocaleString("en-US")} conversation
                    {conversationCount === 1 ? "" : "s"}
                  </span>
                </>
              )}
            </p>
          )}
          {introExtras}
        </>
      )}
      {starters.length > 0 && (
        <ul
          className="mt-6 grid w-full max-w-2xl gap-2 sm:grid-cols-2"
          aria-label="Conversation starters"
        >
          {starters.map((starter) => (
            <li key={starter}>
              <button
                type="button"
                disabled={!onStarter}
                onClick={() => onStarter?.(starter)}
                className="h-full w-full rounded-xl border bg-card px-4 py-3 text-left text-sm transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-default disabled:hover:bg-card"
              >
                {starter}
              </button>
            </li>
          ))}
        </ul>
      )}
      {introFooter}
    </div>
  );
}
