"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { RotateCcw } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { StickToBottom } from "use-stick-to-bottom";
import { createTurnFetch } from "@/components/chat/answer-requests";
import { markLastAnswer } from "@/components/chat/chat-messages";
import { Composer } from "@/components/chat/composer";
import { MessageBubble } from "@/components/chat/message-bubble";
import { parseChatError } from "@/components/chat/parse-chat-error";
import { useAnswerStop } from "@/components/chat/use-answer-stop";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { builderTurnUrl } from "@/lib/builder/api-client";
import { UNTITLED_GPT_NAME } from "@/lib/builder/fields";
import type { BuilderChangeView } from "@/lib/builder/schemas";
import type { ChatMessage } from "@/lib/chat/schemas";
import type { GptDraftController } from "../use-gpt-draft";
import { BuilderIntro } from "./builder-intro";
import {
  BUILDER_AVATAR,
  BUILDER_NAME,
  BuilderMessage,
  type BuilderUIMessage,
  textOfMessage,
} from "./builder-message";
import { useBuilderChanges } from "./use-builder-changes";

const BUILDER_COMPOSER_LABELS = {
  input: "Message the GPT Builder",
  send: "Send to the builder",
  stop: "Stop the builder",
  stopping: "Stopping the builder…",
};

type BuilderChatProps = {
  draft: GptDraftController;
  categories: { id: string; name: string }[];
  initialMessages: ChatMessage[];
  initialChanges: BuilderChangeView[];
  /** The builder conversation, once it exists (its id also arrives with each turn's response). */
  conversationId: string | null;
  /** True while a turn or a change action runs: the Configure form is read-only meanwhile. */
  onBusyChange: (isBusy: boolean) => void;
};

/**
 * The Create tab's chat. Every turn first saves pending edits (draft.withSavedDraft) and sends
 * the saved revision; the turn runs inside that save queue, so no autosave races it. Tool
 * results reach the form as they arrive (useBuilderChanges).
 */
export function BuilderChat({
  draft,
  categories,
  initialMessages,
  initialChanges,
  conversationId,
  onBusyChange,
}: BuilderChatProps) {
  const [input, setInput] = useState("");
  const [flushError, setFlushError] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const target = useRef<{ gptId: string; revision: number } | null>(null);
  const conversationIdRef = useRef(conversationId ?? undefined);
  const [turnFetch] = useState(() =>
    createTurnFetch({
      onConversationId: (id) => {
        conversationIdRef.current = id;
      },
    }),
  );

  const transport = useMemo(
    () =>
      new DefaultChatTransport<BuilderUIMessage>({
        fetch: turnFetch.fetch,
        prepareSendMessagesRequest: ({ messages, trigger }) => {
          const saved = target.current!;
          const lastUser = messages.findLast((message) => message.role === "user");
          return {
            api: builderTurnUrl(saved.gptId),
            body: {
              message: lastUser ? textOfMessage(lastUser) : "",
              revision: saved.revision,
              trigger,
            },
          };
        },
      }),
    [turnFetch],
  );

  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError } =
    useChat<BuilderUIMessage>({
      messages: initialMessages as BuilderUIMessage[],
      transport,
    });
  const { changesByMessage, pending, act } = useBuilderChanges({
    draft,
    initialChanges,
    messages,
  });
  // The server writes the answer even if this tab goes away: Stop stops it there too, and the
  // form stays read-only until the stopped answer is saved (its tool calls may still land).
  const stopper = useAnswerStop({
    whenResponded: turnFetch.whenResponded,
    stopStream: async () => {
      await stop();
      setMessages((current) => markLastAnswer(current, { status: "INTERRUPTED" }));
    },
    conversationId: () => conversationIdRef.current,
  });
  const isStreaming = status === "submitted" || status === "streaming" || stopper.isStopping;
  const isBusy = isStreaming || isStarting || pending !== null;
  const isConflict = draft.saveState === "conflict";

  useEffect(() => {
    onBusyChange(isBusy);
  }, [isBusy, onBusyChange]);

  /** Saves pending edits, then runs the turn inside the editor's save queue. */
  async function runTurn(start: () => Promise<void>): Promise<boolean> {
    setFlushError(null);
    clearError();
    setIsStarting(true);
    try {
      await draft.withSavedDraft(async (saved) => {
        target.current = saved;
        setIsStarting(false);
        await start();
      });
      return true;
    } catch (caught) {
      setFlushError(caught instanceof Error ? caught.message : "Your changes could not be saved.");
      return false;
    } finally {
      setIsStarting(false);
    }
  }

  async function send(text: string) {
    // A GPT is created by its first save, which needs a name; the builder renames it.
    if (!draft.gpt && !draft.values.name.trim()) draft.setField("name", UNTITLED_GPT_NAME);
    setInput("");
    const isStarted = await runTurn(() => sendMessage({ text }));
    if (!isStarted) setInput((current) => current || text);
  }

  const errorMessage = flushError ?? parseChatError(error);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <StickToBottom
        className="relative min-h-0 flex-1 overflow-y-auto"
        resize="smooth"
        initial="instant"
      >
        <StickToBottom.Content className="mx-auto flex w-full max-w-2xl flex-col gap-5 px-4 py-6">
          {messages.length === 0 ? (
            <BuilderIntro
              onExample={(prompt) => void send(prompt)}
              isDisabled={isBusy || isConflict}
            />
          ) : (
            messages.map((message, index) => (
              <BuilderMessage
                key={message.id}
                message={message}
                changes={changesByMessage.get(message.id) ?? []}
                categories={categories}
                isStreaming={
                  isStreaming &&
                  !stopper.isStopping &&
                  index === messages.length - 1 &&
                  message.role === "assistant"
                }
                pending={pending}
                isActionDisabled={isBusy || isConflict}
                onAction={(change, action) => void act(change, action)}
              />
            ))
          )}
          {status === "submitted" && messages.at(-1)?.role === "user" ? (
            <MessageBubble
              author="assistant"
              text=""
              gptName={BUILDER_NAME}
              gptAvatar={BUILDER_AVATAR}
              isStreaming
            />
          ) : null}
          {errorMessage ? (
            <Alert
              variant="destructive"
              className="flex flex-wrap items-center justify-between gap-3"
              data-testid="builder-error"
            >
              <span>{errorMessage}</span>
              {error ? (
                <Button
                  size="sm"
                  variant="outline"
                  disabled={isBusy || isConflict}
                  onClick={() => void runTurn(() => regenerate())}
                >
                  <RotateCcw className="size-3.5" aria-hidden /> Retry
                </Button>
              ) : null}
            </Alert>
          ) : null}
        </StickToBottom.Content>
      </StickToBottom>
      <div className="mx-auto w-full max-w-2xl px-4 pb-4">
        <Composer
          inputId="builder-input"
          labels={BUILDER_COMPOSER_LABELS}
          placeholder="Tell the builder what your GPT should do"
          maxRows={8}
          value={input}
          onChange={setInput}
          onSend={(text) => void send(text)}
          onStop={() => void stopper.stopAnswer()}
          isBusy={isStreaming}
          isStopping={stopper.isStopping}
          isDisabled={isConflict || isStarting || pending !== null}
        />
        <p className="mt-2 text-center text-xs text-muted-foreground">
          The builder fills in Configure for you; the form is read-only while it works.
        </p>
      </div>
    </div>
  );
}
