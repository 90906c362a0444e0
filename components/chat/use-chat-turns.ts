"use client";

import { useChat } from "@ai-sdk/react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { MentionableGpt } from "@/lib/chat/mentionable-gpts";
import { type ChatMessage, MENTION_PART_TYPE, mentionOf } from "@/lib/chat/schemas";
import { savedMessagesRequest } from "./answer-requests";
import {
  endsWithStreamingAnswer,
  isUnfinishedAnswer,
  lastUserIndex,
  markLastAnswer,
  savedQuestionId,
  withResumedText,
} from "./chat-messages";
import {
  busyRetryDelayMs,
  type ChatFailure,
  classifyChatError,
  composerLockedUntil,
  isSavedFailure,
  type RetryAction,
  retryActionOf,
  type TurnRequest,
} from "./chat-retry";
import { conversationKeys } from "./hooks";
import { useMentionMessages } from "./mention-messages";
import { createTurnChat, type TurnMessage, type TurnRequestState } from "./turn-chat";
import { useAnswerStop } from "./use-answer-stop";

/** A turn that failed before (or while) it was answered, and what the chat does about it. */
export type FailureState = {
  failure: ChatFailure;
  action: RetryAction;
  /** When the chat retries by itself (a busy server), epoch ms; null when it does not. */
  retryAt: number | null;
  /** Automatic retries already made for this turn. */
  attempt: number;
  /** Until when sending waits (a short rate limit), epoch ms. */
  lockedUntil: number | null;
};

/**
 * The chat's turns on the server's turn engine: send, regenerate, edit-and-resend, Stop (which
 * stops the server's answer, not only the local stream), resuming an answer that was being
 * written when the page loaded, and what happens when a turn is refused or fails (see
 * chat-retry.ts). The client sends only the new message and ids; the server reloads history.
 */
export function useChatTurns({
  gptId,
  isPreview,
  conversationId,
  initialMessages,
}: {
  gptId: string;
  isPreview: boolean;
  conversationId?: string;
  initialMessages: ChatMessage[];
}) {
  const queryClient = useQueryClient();
  const mentions = useMentionMessages();
  const requests = useRef<TurnRequestState>({
    conversationId,
    stage: "sending",
    lastRequest: { trigger: "submit-message" },
  }).current;
  // The list before the last turn: a refused turn saved nothing, so moving on restores it.
  const snapshotRef = useRef<TurnMessage[] | null>(null);
  const busyAttemptsRef = useRef(0);
  const hasAutoResumedRef = useRef(false);
  const isStoppingRef = useRef(false);
  const [failure, setFailure] = useState<FailureState | null>(null);
  // An answer being written when the page loaded: shown at once, then continued live.
  const [loadedStreaming] = useState(() =>
    endsWithStreamingAnswer(initialMessages) ? (initialMessages.at(-1) as TurnMessage) : null,
  );

  // Created once: its callbacks only use refs, state setters and the chat itself.
  const [{ chat, whenResponded }] = useState(() =>
    createTurnChat({
      gptId,
      isPreview,
      initialMessages,
      state: requests,
      onConversationId: (id) => {
        // A new conversation gets its own URL (and its sidebar entry).
        if (!isPreview) window.history.replaceState(null, "", `/c/${id}`);
        void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
      },
      onAccepted: () => {
        busyAttemptsRef.current = 0;
        hasAutoResumedRef.current = false;
      },
      onError: (error) => handleError(error),
      onFinish: () => void queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
    }),
  );
  const { messages, status } = useChat<TurnMessage>({ chat });

  // useChat stops a chat it created when the page leaves; this one is ours to stop.
  useEffect(() => () => void chat.stop(), [chat]);

  /** Shows the conversation as saved (what a reload would show). */
  async function showSaved() {
    const id = requests.conversationId;
    if (!id) return;
    const saved = await savedMessagesRequest(id).catch(() => null);
    if (saved) chat.messages = saved as TurnMessage[];
  }

  async function resume() {
    setFailure(null);
    await chat.resumeStream();
    // 204 (it ended in between) or cut short without a final status: show it as saved.
    if (chat.status === "ready" && isUnfinishedAnswer(chat.lastMessage)) await showSaved();
  }

  function handleError(error: Error) {
    const failure = classifyChatError(error, requests.stage);
    if (failure.kind === "answer_failed") {
      // Saved as FAILED with this message: shown in the answer, as after a reload.
      chat.messages = markLastAnswer(chat.messages, {
        status: "FAILED",
        errorMessage: failure.message,
      });
      return;
    }
    if (isStoppingRef.current) {
      // Stopped while it was refused: nothing was saved, so nothing stays on screen.
      if (!isSavedFailure(failure) && snapshotRef.current) chat.messages = snapshotRef.current;
      return;
    }
    if (failure.kind === "disconnected" && !hasAutoResumedRef.current) {
      // The server goes on writing the answer: read it again once, then offer to reconnect.
      hasAutoResumedRef.current = true;
      setTimeout(() => void resume(), 0);
      return;
    }
    const attempt = busyAttemptsRef.current;
    const delay =
      failure.kind === "busy"
        ? busyRetryDelayMs({ retryAfterSeconds: failure.retryAfterSeconds, attempt })
        : null;
    const now = Date.now();
    setFailure({
      failure,
      action: retryActionOf(failure, requests.lastRequest),
      retryAt: delay === null ? null : now + delay,
      attempt,
      lockedUntil: composerLockedUntil(failure, now),
    });
  }

  // Once, for the answer the page loaded with (resume only uses refs and the chat).
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!loadedStreaming || !requests.conversationId) return;
    void resume();
  }, [loadedStreaming]);

  /** Leaves a refused turn behind: it saved nothing, so the list goes back to what it was. */
  function dropRefusedTurn() {
    if (failure && !isSavedFailure(failure.failure) && snapshotRef.current) {
      chat.messages = snapshotRef.current;
    }
    snapshotRef.current = null;
    setFailure(null);
  }

  function beginTurn() {
    dropRefusedTurn();
    busyAttemptsRef.current = 0;
    snapshotRef.current = chat.messages;
  }

  /** Sends a request again for the turn already on screen (a retry keeps the list as it is). */
  function resend(request: TurnRequest) {
    setFailure(null);
    void chat.regenerate({ body: { turn: request } });
  }

  function retry(action: RetryAction) {
    if (action.type === "resume") return void resume();
    resend(action.request);
  }

  // A busy server: the same request again after Retry-After, a few times (see chat-retry.ts).
  // biome-ignore lint/correctness/useExhaustiveDependencies: retry only uses refs and the chat
  useEffect(() => {
    if (!failure?.retryAt) return;
    const timer = setTimeout(
      () => {
        busyAttemptsRef.current = failure.attempt + 1;
        retry(failure.action);
      },
      Math.max(0, failure.retryAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [failure]);

  function send(text: string, options?: { mention: MentionableGpt | null }) {
    beginTurn();
    const mention = options?.mention ?? null;
    void chat.sendMessage(mentions.userMessage(text, mention), {
      body: { turn: { trigger: "submit-message", text, mentionGptId: mention?.id } },
    });
  }

  /** Answers the last question again: the latest answer leaves the view, the new one streams in. */
  function regenerate() {
    beginTurn();
    void chat.regenerate({ body: { turn: { trigger: "regenerate-message" } } });
  }

  /** Replaces the last question (and everything after it) with new text, and answers it. */
  function editLastQuestion(text: string) {
    beginTurn();
    const index = lastUserIndex(chat.messages);
    const question = chat.messages[index];
    if (!question) return;
    const mention = mentionOf(question.parts);
    void chat.sendMessage(
      {
        messageId: question.id,
        parts: [
          { type: "text", text },
          ...(mention ? [{ type: MENTION_PART_TYPE, data: mention }] : []),
        ],
      },
      {
        body: {
          turn: {
            trigger: "edit-message",
            text,
            mentionGptId: mention?.gptId,
            editMessageId: savedQuestionId(chat.messages, index) ?? undefined,
          },
        },
      },
    );
  }

  const stopper = useAnswerStop({
    isStoppingRef,
    whenResponded,
    stopStream: async () => {
      setFailure((current) => (current?.retryAt ? { ...current, retryAt: null } : current));
      await chat.stop();
      chat.messages = markLastAnswer(chat.messages, { status: "INTERRUPTED" });
    },
    conversationId: () => requests.conversationId,
    // The stopped answer as the server saved it (a few more words may have been written).
    onStopped: async () => {
      setFailure(null);
      await showSaved();
    },
  });

  const isStreaming = status === "submitted" || status === "streaming";
  return {
    messages: withResumedText(messages, loadedStreaming),
    status,
    isStreaming,
    isBusy: isStreaming || stopper.isStopping,
    isStopping: stopper.isStopping,
    failure,
    send,
    regenerate,
    editLastQuestion,
    stop: stopper.stopAnswer,
    retry: () => {
      if (!failure) return;
      busyAttemptsRef.current = 0;
      retry(failure.action);
    },
    cancelAutoRetry: () =>
      setFailure((current) => (current ? { ...current, retryAt: null } : current)),
    dismissFailure: dropRefusedTurn,
    pendingAnswerer: mentions.pendingAnswerer,
  };
}
