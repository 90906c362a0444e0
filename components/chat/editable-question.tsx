"use client";

import { Pencil } from "lucide-react";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { AutosizeTextarea } from "@/components/ui/textarea";
import { MESSAGE_MAX_CHARS } from "@/lib/chat/schemas";
import { MessageBubble } from "./message-bubble";

/**
 * A user message, and for the latest one an Edit button: the text opens in place, and
 * "Save & send" replaces the question (and the answer after it) with the new text, answered anew.
 * Escape or Cancel closes the editor and gives focus back to Edit.
 */
export function EditableQuestion({
  text,
  mentionName,
  gptName,
  onEdit,
}: {
  text: string;
  mentionName?: string | null;
  gptName: string;
  /** Set when this question can be edited now (the latest one, while the chat is idle). */
  onEdit?: (text: string) => void;
}) {
  const [isEditing, setIsEditing] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const shouldRefocus = useRef(false);

  useEffect(() => {
    if (isEditing || !shouldRefocus.current) return;
    shouldRefocus.current = false;
    editButtonRef.current?.focus();
  }, [isEditing]);

  if (isEditing && onEdit) {
    return (
      <QuestionEditor
        initialText={text}
        onCancel={() => {
          shouldRefocus.current = true;
          setIsEditing(false);
        }}
        onSave={(next) => {
          setIsEditing(false);
          onEdit(next);
        }}
      />
    );
  }
  return (
    <MessageBubble
      author="user"
      text={text}
      gptName={gptName}
      mentionName={mentionName}
      footer={
        onEdit ? (
          <Button
            ref={editButtonRef}
            type="button"
            variant="ghost"
            size="icon"
            aria-label="Edit message"
            onClick={() => setIsEditing(true)}
            // Shown on hover or focus where there is a pointer; always on touch screens.
            className="size-8 text-muted-foreground opacity-0 transition-opacity hover:text-foreground focus-visible:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100"
          >
            <Pencil className="size-4" aria-hidden />
          </Button>
        ) : null
      }
    />
  );
}

function QuestionEditor({
  initialText,
  onSave,
  onCancel,
}: {
  initialText: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initialText);
  const id = useId();
  const trimmed = text.trim();
  const isTooLong = text.length > MESSAGE_MAX_CHARS;
  const isUnchanged = trimmed === initialText.trim();

  function save() {
    if (!trimmed || isTooLong || isUnchanged) return;
    onSave(trimmed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  }

  return (
    <form
      className="ml-auto grid w-full gap-2 rounded-2xl border bg-card p-3 shadow-sm sm:max-w-[85%]"
      data-testid="message-editor"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor={id} className="sr-only">
        Edit your message
      </label>
      <AutosizeTextarea
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const end = event.currentTarget.value.length;
          event.currentTarget.setSelectionRange(end, end);
        }}
        aria-describedby={`${id}-hint`}
        minRows={2}
        maxRows={10}
        autoFocus
        className="text-sm"
      />
      {isTooLong ? (
        <p role="alert" className="text-xs text-destructive">
          Messages are limited to {MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters (
          {text.length.toLocaleString("en-US")} now).
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          Sending replaces this message and the answer to it.
        </p>
        <span className="ml-auto flex gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" size="sm" disabled={!trimmed || isTooLong || isUnchanged}>
            Save &amp; send
          </Button>
        </span>
      </div>
    </form>
  );
}
