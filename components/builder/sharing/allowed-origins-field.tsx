"use client";

import { Plus, X } from "lucide-react";
import { type KeyboardEvent, useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_ALLOWED_ORIGINS } from "@/lib/embed/schemas";

type AllowedOriginsFieldProps = {
  origins: string[];
  draft: string;
  onDraftChange: (draft: string) => void;
  /** Validates and adds the draft; returns false (and the error shows) when it is not a site. */
  onAdd: () => boolean;
  onRemove: (origin: string) => void;
  error: string | null;
  isDisabled: boolean;
};

/** The sites allowed to show the widget: a list with remove buttons and an input to add one. */
export function AllowedOriginsField({
  origins,
  draft,
  onDraftChange,
  onAdd,
  onRemove,
  error,
  isDisabled,
}: AllowedOriginsFieldProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    // Enter adds the site instead of submitting the whole form.
    event.preventDefault();
    onAdd();
  }

  return (
    <div className="grid gap-2">
      <label htmlFor={inputId} className="text-sm font-medium">
        Allowed sites
      </label>
      <p id={descriptionId} className="text-sm text-muted-foreground">
        The widget only works on these sites, e.g. https://example.com or http://localhost:8080 (no
        paths). Up to {MAX_ALLOWED_ORIGINS}.
      </p>
      {origins.length > 0 ? (
        <ul className="grid gap-1.5" aria-label="Allowed sites">
          {origins.map((origin) => (
            <li
              key={origin}
              className="flex min-w-0 items-center gap-2 rounded-md border bg-muted/40 py-1 pr-1 pl-3"
            >
              <span className="min-w-0 flex-1 truncate font-mono text-sm">{origin}</span>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="size-7"
                aria-label={`Remove ${origin}`}
                disabled={isDisabled}
                onClick={() => onRemove(origin)}
              >
                <X aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex gap-2">
        <Input
          id={inputId}
          value={draft}
          onChange={(event) => onDraftChange(event.target.value)}
          onKeyDown={handleKeyDown}
          placeholder="https://example.com"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          disabled={isDisabled || origins.length >= MAX_ALLOWED_ORIGINS}
          aria-describedby={[descriptionId, error ? errorId : null].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
        />
        <Button
          type="button"
          variant="outline"
          disabled={isDisabled || !draft.trim()}
          onClick={() => onAdd()}
        >
          <Plus aria-hidden="true" />
          Add site
        </Button>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
