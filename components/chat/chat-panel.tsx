"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { StickToBottom } from "use-stick-to-bottom";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type ChatMessage, mentionOf } from "@/lib/chat/schemas";
import { citationsOf } from "@/lib/knowledge/citations/types";
import { cn } from "@/lib/utils/cn";
import { actionCallsOf } from "./action-calls-of";
import { AnswerActions } from "./answer-actions";
import { ChatFailureAlert, useSecondsUntil } from "./chat-failure-alert";
import { ChatIntro } from "./chat-intro";
import { lastUserIndex, savedQuestionId, textOfParts } from "./chat-messages";
import { Composer } from "./composer";
import { EditableQuestion } from "./editable-question";
import { MessageBubble } from "./message-bubble";
import { useChatTurns } from "./use-chat-turns";

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

/**
 * A chat with one GPT. The client sends only the new message and the conversation id; the server
 * reloads history and writes the answer whether or not this page keeps reading it: a reload
 * resumes it, Stop stops it on the server (see useChatTurns).
 */
export function ChatPanel(props: ChatPanelProps) {
  const { gptId, gptName, isPreview = false, initialMessages = [], starters = [] } = props;
  const router = useRouter();
  const { signInHref } = props;
  const turns = useChatTurns({
    gptId,
    isPreview,
    conversationId: props.conversationId,
    initialMessages,
  });
  const { messages, status, isBusy, isStreaming, isStopping, failure } = turns;
  const lockedFor = useSecondsUntil(failure?.lockedUntil ?? null);
  const canChat = !props.signInHref && !props.noModel && !props.unavailableMessage;
  // Edit and regenerate start a new turn: only while nothing else is going on.
  const canAct = canChat && !isBusy && !failure;
  const lastIndex = messages.length - 1;
  const lastQuestion = lastUserIndex(messages);
  const gptAvatar = { src: props.avatarSrc, color: props.avatarColor };

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
              onStarter={
                canChat ? turns.send : signInHref ? () => router.push(signInHref) : undefined
              }
            />
          ) : (
            messages.map((message, index) => {
              const text = textOfParts(message.parts);
              if (message.role === "user") {
                const canEdit =
                  canAct && index === lastQuestion && savedQuestionId(messages, index) !== null;
                return (
                  <EditableQuestion
                    key={message.id}
                    text={text}
                    gptName={gptName}
                    mentionName={mentionOf(message.parts)?.name}
                    onEdit={canEdit ? turns.editLastQuestion : undefined}
                  />
                );
              }
              const status = message.metadata?.status;
              // Also an answer the page loaded while it was being written, until it is resumed.
              const isLive =
                (isStreaming || status === "STREAMING") &&
                !isStopping &&
                index === lastIndex &&
                message.role === "assistant";
              const actionCalls = actionCallsOf(message.parts);
              // An answer that failed before any text has nothing to show; the alert explains.
              if (!text && actionCalls.length === 0 && !isLive && !status) return null;
              const isSettled = !isLive && status !== "STREAMING";
              return (
                <MessageBubble
                  key={message.id}
                  author={message.role}
                  text={text}
                  citations={citationsOf(message.parts)}
                  actionCalls={actionCalls}
                  gptName={gptName}
                  gptAvatar={gptAvatar}
                  status={status}
                  errorMessage={message.metadata?.errorMessage}
                  isStreaming={isLive}
                  answeredBy={message.metadata?.answeredBy}
                  footer={
                    isSettled ? (
                      <AnswerActions
                        text={text}
                        onRegenerate={canAct && index === lastIndex ? turns.regenerate : undefined}
                        feedback={
                          !isPreview && status !== "FAILED"
                            ? {
                                messageId: message.id,
                                gptName: message.metadata?.answeredBy?.name ?? gptName,
                                initial: message.metadata?.feedback,
                              }
                            : null
                        }
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
              gptAvatar={gptAvatar}
              answeredBy={turns.pendingAnswerer(messages.at(-1))}
              isStreaming
            />
          )}
          {failure && (
            <ChatFailureAlert
              state={failure}
              onRetry={turns.retry}
              onCancelRetry={turns.cancelAutoRetry}
              onDismiss={turns.dismissFailure}
            />
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
            onSend={turns.send}
            onStop={() => void turns.stop()}
            isBusy={isBusy}
            isStopping={isStopping}
            canSend={lockedFor === 0}
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
