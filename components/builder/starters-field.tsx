"use client";

import { Plus, X } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FieldErrors } from "@/lib/gpts/draft-form";
import { GPT_LIMITS } from "@/lib/gpts/schemas";

export const starterInputId = (index: number) => `gpt-starter-${index}`;
const ADD_BUTTON_ID = "gpt-starter-add";

type StartersFieldProps = {
  starters: string[];
  fieldErrors: FieldErrors;
  onChange: (starters: string[]) => void;
};

/** Up to four conversation starters; focus follows adds and removals for keyboard users. */
export function StartersField({ starters, fieldErrors, onChange }: StartersFieldProps) {
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const isFull = starters.length >= GPT_LIMITS.starters;
  const listError = fieldErrors.conversationStarters;

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function add() {
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

  return (
    <fieldset className="grid gap-2" aria-describedby="gpt-starters-description">
      <legend className="mb-2 text-sm font-medium leading-none">Conversation starters</legend>
      <p id="gpt-starters-description" className="-mt-1 text-sm text-muted-foreground">
        Suggestions shown when someone opens a new chat. Up to {GPT_LIMITS.starters}.
      </p>
      {starters.length > 0 ? (
        <ol className="grid gap-2">
          {starters.map((starter, index) => {
            const id = starterInputId(index);
            const error = fieldErrors[`conversationStarters.${index}`];
            return (
              <li key={index} className="grid gap-1">
                <Label htmlFor={id} className="sr-only">
                  Conversation starter {index + 1}
                </Label>
                <div className="flex items-center gap-1.5">
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
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    className="text-muted-foreground hover:text-foreground"
                    aria-label={`Remove conversation starter ${index + 1}`}
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
      {listError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {listError}
        </p>
      ) : null}
    </fieldset>
  );
}
