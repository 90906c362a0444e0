"use client";

import { ArrowUp, Square } from "lucide-react";
import { type FormEvent, type KeyboardEvent, useState } from "react";
import TextareaAutosize from "react-textarea-autosize";
import { Button } from "@/components/ui/button";
import { MESSAGE_MAX_CHARS } from "@/lib/chat/schemas";

type ComposerLabels = {
  /** The textarea's accessible name. */
  input: string;
  send: string;
  stop: string;
};

const CHAT_LABELS: ComposerLabels = {
  input: "Message",
  send: "Send message",
  stop: "Stop generating",
};

/**
 * The message box pinned at the bottom: Enter sends, Shift+Enter adds a line, Stop while streaming.
 * Uncontrolled by default (it clears itself after sending); pass `value`/`onChange` when the parent
 * must own the text, e.g. to give it back after a failed send.
 */
export function Composer({
  onSend,
  onStop,
  isBusy,
  isDisabled,
  placeholder,
  inputId = "chat-input",
  labels = CHAT_LABELS,
  maxRows = 10,
  value,
  onChange,
}: {
  onSend: (text: string) => void;
  onStop: () => void;
  isBusy: boolean;
  isDisabled?: boolean;
  placeholder: string;
  inputId?: string;
  labels?: ComposerLabels;
  maxRows?: number;
  value?: string;
  onChange?: (value: string) => void;
}) {
  const [ownText, setOwnText] = useState("");
  const isControlled = value !== undefined;
  const text = isControlled ? value : ownText;
  const setText = isControlled ? (onChange ?? (() => {})) : setOwnText;
  const trimmed = text.trim();
  const isTooLong = text.length > MESSAGE_MAX_CHARS;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!trimmed || isBusy || isDisabled || isTooLong) return;
    onSend(trimmed);
    if (!isControlled) setOwnText("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form
      onSubmit={submit}
      className="relative rounded-2xl border bg-card shadow-sm focus-within:ring-2 focus-within:ring-ring"
    >
      <label htmlFor={inputId} className="sr-only">
        {labels.input}
      </label>
      <TextareaAutosize
        id={inputId}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
        minRows={1}
        maxRows={maxRows}
        disabled={isDisabled}
        className="block w-full resize-none bg-transparent px-4 py-3 pr-14 text-sm outline-none placeholder:text-muted-foreground disabled:cursor-not-allowed"
      />
      {isTooLong && (
        <p role="alert" className="px-4 pb-2 text-xs text-destructive">
          Messages are limited to {MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters (
          {text.length.toLocaleString("en-US")} now).
        </p>
      )}
      <div className="absolute right-2 bottom-2">
        {isBusy ? (
          <Button
            type="button"
            size="icon"
            variant="secondary"
            onClick={onStop}
            aria-label={labels.stop}
            className="rounded-full"
          >
            <Square className="size-3.5 fill-current" aria-hidden />
          </Button>
        ) : (
          <Button
            type="submit"
            size="icon"
            disabled={!trimmed || isDisabled || isTooLong}
            aria-label={labels.send}
            className="rounded-full"
          >
            <ArrowUp className="size-4" aria-hidden />
          </Button>
        )}
      </div>
    </form>
  );
}
