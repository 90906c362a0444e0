"use client";

import { ArrowDown, ArrowUp, GripVertical, Plus, X } from "lucide-react";
import { type DragEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FieldErrors } from "@/lib/gpts/draft-form";
import { GPT_LIMITS } from "@/lib/gpts/schemas";
import { cn } from "@/lib/utils/cn";

export const starterInputId = (index: number) => `gpt-starter-${index}`;
const moveButtonId = (index: number, direction: "up" | "down") =>
  `gpt-starter-${index}-move-${direction}`;
const ADD_BUTTON_ID = "gpt-starter-add";

type StartersFieldProps = {
  starters: string[];
  fieldErrors: FieldErrors;
  onChange: (starters: string[]) => void;
};

function moved(list: string[], from: number, to: number): string[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * Up to four conversation starters, in the order people see them. Reorder by dragging the handle,
 * or with the move up/down buttons (keyboard and touch); focus follows the moved starter and the
 * new position is announced.
 */
export function StartersField({ starters, fieldErrors, onChange }: StartersFieldProps) {
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const isFull = starters.length >= GPT_LIMITS.starters;
  const listError = fieldErrors.conversationStarters;

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function add() {
    if (isFull) return;
    onChange([...starters, ""]);
    setFocusTarget(starterInputId(starters.length));
  }

  function remove(index: number) {
    onChange(starters.filter((_, i) => i !== index));
    const next = starters.length - 1;
    setFocusTarget(next === 0 ? ADD_BUTTON_ID : starterInputId(Math.min(index, next - 1)));
  }

  function update(index: number, value: string) {
    onChange(starters.map((starter, i) => (i === index ? value : starter)));
  }

  function move(from: number, to: number, direction?: "up" | "down") {
    if (to < 0 || to >= starters.length || from === to) return;
    onChange(moved(starters, from, to));
    const label = starters[from].trim() || "Empty starter";
    setAnnouncement(`${label} moved to position ${to + 1} of ${starters.length}.`);
    if (direction) {
      // Keep focus on the moved starter's button; at an end, on the one that still works.
      const isAtEnd = direction === "up" ? to === 0 : to === starters.length - 1;
      const opposite = direction === "up" ? "down" : "up";
      setFocusTarget(moveButtonId(to, isAtEnd ? opposite : direction));
    }
  }

  function onDragStart(event: DragEvent<HTMLElement>, index: number) {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", String(index));
    const row = event.currentTarget.closest("li");
    if (row) event.dataTransfer.setDragImage(row, 16, 16);
    setDragIndex(index);
  }

  function onDragOver(event: DragEvent<HTMLLIElement>, index: number) {
    if (dragIndex === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    setDropIndex(index);
  }

  function onDrop(event: DragEvent<HTMLLIElement>, index: number) {
    if (dragIndex === null) return;
    event.preventDefault();
    move(dragIndex, index);
    setDragIndex(null);
    setDropIndex(null);
  }

  return (
    <fieldset className="grid gap-2" aria-describedby="gpt-starters-description">
      <legend className="mb-2 text-sm font-medium leading-none">Conversation starters</legend>
      <p id="gpt-starters-description" className="-mt-1 text-sm text-muted-foreground">
        Suggestions shown when someone opens a new chat, in this order. Up to {GPT_LIMITS.starters}.
      </p>
      {starters.length > 0 ? (
        <ol className="grid gap-2">
          {starters.map((starter, index) => {
            const id = starterInputId(index);
            const error = fieldErrors[`conversationStarters.${index}`];
            const position = index + 1;
            return (
              <li
                key={index}
                className={cn(
                  "grid gap-1 rounded-md transition-colors",
                  dragIndex === index && "opacity-50",
                  dropIndex === index && dragIndex !== index && "bg-accent",
                )}
                data-testid="starter-row"
                onDragOver={(event) => onDragOver(event, index)}
                onDragLeave={() => setDropIndex((current) => (current === index ? null : current))}
                onDrop={(event) => onDrop(event, index)}
              >
                <Label htmlFor={id} className="sr-only">
                  Conversation starter {position}
                </Label>
                <div className="flex items-center gap-1">
                  {starters.length > 1 ? (
                    <span
                      draggable
                      aria-hidden="true"
                      title="Drag to reorder"
                      data-testid="starter-drag-handle"
                      className="flex h-9 w-5 shrink-0 cursor-grab items-center justify-center text-muted-foreground hover:text-foreground active:cursor-grabbing"
                      onDragStart={(event) => onDragStart(event, index)}
                      onDragEnd={() => {
                        setDragIndex(null);
                        setDropIndex(null);
                      }}
                    >
                      <GripVertical className="size-4" />
                    </span>
                  ) : null}
                  <Input
                    id={id}
                    value={starter}
                    placeholder={
                      index === 0 ? "e.g. Explain this concept simply" : "Another starter"
                    }
                    autoComplete="off"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    onChange={(event) => update(index, event.target.value)}
                  />
                  {starters.length > 1 ? (
                    <>
                      <Button
                        id={moveButtonId(index, "up")}
                        type="button"
                        variant="ghost"
                        size="icon"
                        className="size-8 text-muted-foreground hover:text-foreground"
                        aria-label={`Move conversation starter ${position} up`}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1, "up")}
                      >
                        <ArrowUp aria-hidden="true" />
                      </Button>
                      <Button
                        id={moveButtonId(index, "down")}
                        type="button"
                        variant="ghost"
                        size="icon"
                        className="size-8 text-muted-foreground hover:text-foreground"
                        aria-label={`Move conversation starter ${position} down`}
                        disabled={index === starters.length - 1}
                        onClick={() => move(index, index + 1, "down")}
                      >
                        <ArrowDown aria-hidden="true" />
                      </Button>
                    </>
                  ) : null}
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    className="size-8 text-muted-foreground hover:text-foreground"
                    aria-label={`Remove conversation starter ${position}`}
                    onClick={() => remove(index)}
                  >
                    <X aria-hidden="true" />
                  </Button>
                </div>
                {error ? (
                  <p
                    id={`${id}-error`}
                    role="alert"
                    className="text-sm font-medium text-destructive"
                  >
                    {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          id={ADD_BUTTON_ID}
          type="button"
          variant="outline"
          size="sm"
          disabled={isFull}
          onClick={add}
        >
          <Plus aria-hidden="true" />
          Add a starter
        </Button>
        {isFull ? (
          <span className="text-xs text-muted-foreground">
            That’s the maximum. Remove one to add another.
          </span>
        ) : null}
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {listError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {listError}
        </p>
      ) : null}
    </fieldset>
  );
}
