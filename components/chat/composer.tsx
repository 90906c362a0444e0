"use client";

import { ArrowUp, Square } from "lucide-react";
import { type FormEvent, type KeyboardEvent, useState } from "react";
import TextareaAutosize from "react-textarea-autosize";
import { Button } from "@/components/ui/button";
import { MESSAGE_MAX_CHARS } from "@/lib/chat/schemas";

/** The message box pinned at the bottom: Enter sends, Shift+Enter adds a line, Stop while streaming. */
export function Composer({
  onSend,
  onStop,
  isBusy,
  isDisabled,
  placeholder,
}: {
  onSend: (text: string) => void;
  onStop: () => void;
  isBusy: boolean;
  isDisabled?: boolean;
  placeholder: string;
}) {
  const [text, setText] = useState("");
  const trimmed = text.trim();
  const isTooLong = text.length > MESSAGE_MAX_CHARS;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!trimmed || isBusy || isDisabled || isTooLong) return;
    onSend(trimmed);
    setText("");
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
      <label htmlFor="chat-input" className="sr-only">
        Message
      </label>
      <TextareaAutosize
        id="chat-input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
        minRows={1}
        maxRows={10}
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
            aria-label="Stop generating"
            className="rounded-full"
          >
            <Square className="size-3.5 fill-current" aria-hidden />
          </Button>
        ) : (
          <Button
            type="submit"
            size="icon"
            disabled={!trimmed || isDisabled || isTooLong}
            aria-label="Send message"
            className="rounded-full"
          >
            <ArrowUp className="size-4" aria-hidden />
          </Button>
        )}
      </div>
    </form>
  );
}
