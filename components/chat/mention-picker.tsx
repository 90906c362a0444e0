"use client";

import { type KeyboardEvent, type RefObject, useState } from "react";
import { useMentionableGpts } from "@/lib/chat/mention-hooks";
import { activeMention, removeMentionToken } from "@/lib/chat/mention-query";
import type { MentionableGpt } from "@/lib/chat/mentionable-gpts";

type Token = { start: number; end: number; query: string };

export type MentionPicker = ReturnType<typeof useMentionPicker>;

/**
 * The composer's "@" behaviour: typing "@" (at the start or after a space) opens the list of GPTs
 * the user may mention, the text after it filters the list, arrows move, Enter or Tab picks,
 * Escape closes. Picking removes the "@text" and keeps the GPT as the pending mention (a chip).
 */
export function useMentionPicker({
  isEnabled,
  textareaRef,
  text,
  setText,
  excludeGptId,
}: {
  isEnabled: boolean;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  text: string;
  setText: (value: string) => void;
  /** The conversation's own GPT: mentioning it would change nothing. */
  excludeGptId?: string;
}) {
  const [token, setToken] = useState<Token | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [selected, setSelected] = useState<MentionableGpt | null>(null);
  // Escape closes the list for this "@" until the user starts another one.
  const [dismissedStart, setDismissedStart] = useState<number | null>(null);
  const isOpen = isEnabled && token !== null;
  const query = useMentionableGpts(token?.query ?? "", isOpen);
  const gpts = (query.data ?? []).filter((gpt) => gpt.id !== excludeGptId);
  const active = Math.min(activeIndex, Math.max(gpts.length - 1, 0));

  /** Call after every change of text or caret. */
  function sync(value: string, caret: number) {
    if (!isEnabled) return;
    const next = activeMention(value, caret);
    if (!next || next.start !== dismissedStart) setDismissedStart(null);
    const isDismissed = next !== null && next.start === dismissedStart;
    if (next?.query !== token?.query) setActiveIndex(0);
    setToken(isDismissed ? null : next);
  }

  function pick(gpt: MentionableGpt) {
    if (!token) return;
    const next = removeMentionToken(text, token);
    setText(next.text);
    setSelected(gpt);
    setToken(null);
    requestAnimationFrame(() => {
      const textarea = textareaRef.current;
      textarea?.focus();
      textarea?.setSelectionRange(next.caret, next.caret);
    });
  }

  function close() {
    if (token) setDismissedStart(token.start);
    setToken(null);
  }

  /** Handles the list's keys; true when the event was used (the composer must not send). */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!isEnabled) return false;
    if (!isOpen) {
      // Backspace in an empty box takes the chip away, as in ChatGPT.
      if (event.key === "Backspace" && selected && text === "") {
        setSelected(null);
        return true;
      }
      return false;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (gpts.length === 0) return false;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((active + step + gpts.length) % gpts.length);
      return true;
    }
    if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
      const gpt = gpts[active];
      if (!gpt) return false;
      pick(gpt);
      return true;
    }
    if (event.key === "Escape") {
      close();
      return true;
    }
    return false;
  }

  return {
    isOpen,
    /** Closes without dismissing: typing on reopens it (focus left the box). */
    hide: () => setToken(null),
    query: token?.query ?? "",
    gpts,
    activeIndex: active,
    setActiveIndex,
    isLoading: query.isPending,
    isError: query.isError,
    selected,
    clearSelected: () => setSelected(null),
    pick,
    close,
    sync,
    onKeyDown,
  };
}
