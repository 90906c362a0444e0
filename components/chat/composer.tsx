"use client";

import { ArrowUp, Square } from "lucide-react";
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import TextareaAutosize from "react-textarea-autosize";
import { Button } from "@/components/ui/button";
import type { MentionableGpt } from "@/lib/chat/mentionable-gpts";
import { MESSAGE_MAX_CHARS } from "@/lib/chat/schemas";
import { MentionChip } from "./mention-chip";
import { useMentionPicker } from "./mention-picker";
import { MentionPopover, mentionOptionId } from "./mention-popover";

type ComposerLabels = {
  /** The textarea's accessible name. */
  input: string;
  send: string;
  stop: string;
  /** While the server finishes stopping the answer. */
  stopping: string;
};

const CHAT_LABELS: ComposerLabels = {
  input: "Message",
  send: "Send message",
  stop: "Stop generating",
  stopping: "Stopping…",
};

/**
 * The message box pinned at the bottom: Enter sends, Shift+Enter adds a line, Stop while streaming.
 * Uncontrolled by default (it clears itself after sending); pass `value`/`onChange` when the parent
 * must own the text, e.g. to give it back after a failed send. With `mentions`, "@" picks another
 * GPT for the next reply (see useMentionPicker); it comes with the text to `onSend`.
 */
export function Composer({
  onSend,
  onStop,
  isBusy,
  isStopping = false,
  canSend = true,
  isDisabled,
  placeholder,
  inputId = "chat-input",
  labels = CHAT_LABELS,
  maxRows = 10,
  value,
  onChange,
  mentions,
}: {
  onSend: (text: string, options: { mention: MentionableGpt | null }) => void;
  onStop: () => void;
  isBusy: boolean;
  /** Stop was pressed and the server is saving the stopped answer: nothing can be sent yet. */
  isStopping?: boolean;
  /** False while sending must wait (a short rate limit); typing stays possible. */
  canSend?: boolean;
  isDisabled?: boolean;
  placeholder: string;
  inputId?: string;
  labels?: ComposerLabels;
  maxRows?: number;
  value?: string;
  onChange?: (value: string) => void;
  /** Enables "@" mentions of other GPTs; the conversation's own GPT is left out of the list. */
  mentions?: { excludeGptId?: string };
}) {
  const [ownText, setOwnText] = useState("");
  const isControlled = value !== undefined;
  const text = isControlled ? value : ownText;
  const setText = isControlled ? (onChange ?? (() => {})) : setOwnText;
  const trimmed = text.trim();
  const isTooLong = text.length > MESSAGE_MAX_CHARS;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const listboxId = useId();
  const picker = useMentionPicker({
    isEnabled: mentions !== undefined,
    textareaRef,
    text,
    setText,
    excludeGptId: mentions?.excludeGptId,
  });

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!trimmed || isBusy || isDisabled || isTooLong || !canSend) return;
    onSend(trimmed, { mention: picker.selected });
    picker.clearSelected();
    picker.close();
    if (!isControlled) setOwnText("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!event.nativeEvent.isComposing && picker.onKeyDown(event)) {
      event.preventDefault();
      return;
    }
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
      {picker.isOpen ? <MentionPopover id={listboxId} picker={picker} /> : null}
      {picker.selected ? (
        <MentionChip
          gpt={picker.selected}
          onRemove={() => {
            picker.clearSelected();
            textareaRef.current?.focus();
          }}
        />
      ) : null}
      <label htmlFor={inputId} className="sr-only">
        {labels.input}
      </label>
      <TextareaAutosize
        ref={textareaRef}
        id={inputId}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          picker.sync(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) =>
          picker.sync(event.currentTarget.value, event.currentTarget.selectionStart)
        }
        onBlur={picker.hide}
        onKeyDown={onKeyDown}
        {...(mentions
          ? {
              // A text box that controls the list (no combobox role: the box stays a "textbox"
              // for everything else); the active option is announced through activedescendant.
              "aria-haspopup": "listbox" as const,
              "aria-autocomplete": "list" as const,
              "aria-controls": picker.isOpen ? listboxId : undefined,
              "aria-activedescendant":
                picker.isOpen && picker.gpts.length > 0
                  ? mentionOptionId(listboxId, picker.activeIndex)
                  : undefined,
            }
          : {})}
        placeholder={picker.selected ? `Message ${picker.selected.name}` : placeholder}
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
            isLoading={isStopping}
            aria-label={isStopping ? labels.stopping : labels.stop}
            className="rounded-full"
          >
            <Square className="size-3.5 fill-current" aria-hidden />
          </Button>
        ) : (
          <Button
            type="submit"
            size="icon"
            disabled={!trimmed || isDisabled || isTooLong || !canSend}
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
