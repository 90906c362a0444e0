"use client";

import { type FormEvent, type ReactNode, useId, useState } from "react";
import { CharacterCounter } from "@/components/reviews/character-counter";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/admin/api-client";

export type ReasonDialogCopy = {
  title: string;
  description: ReactNode;
  label: string;
  /** Under the field: who reads the text. */
  hint?: string;
  placeholder?: string;
  submit: string;
  variant?: "default" | "destructive";
};

/**
 * A dialog asking for a text (a moderator's reason, a reply, a creator's appeal) with its length
 * checked before sending and the server's field error shown under the field. `onSubmit` throws on
 * failure; the dialog stays open with the message.
 */
export function ReasonDialog({
  open,
  onOpenChange,
  copy,
  minLength,
  maxLength,
  isRequired = true,
  fieldName = "reason",
  isPending,
  onSubmit,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  copy: ReasonDialogCopy;
  minLength: number;
  maxLength: number;
  isRequired?: boolean;
  /** The body field the server's errors are keyed by. */
  fieldName?: string;
  isPending: boolean;
  onSubmit: (text: string) => Promise<void>;
  /** Shown above the field (e.g. the decision being appealed). */
  children?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const length = text.trim().length;

  function change(next: boolean) {
    if (isPending) return;
    if (!next) setError(null);
    onOpenChange(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if ((isRequired || length > 0) && length < minLength) {
      setError(`Write at least ${minLength} characters (${length} so far).`);
      return;
    }
    if (length > maxLength) {
      setError(`Keep it under ${maxLength.toLocaleString("en-US")} characters.`);
      return;
    }
    setError(null);
    try {
      await onSubmit(text.trim());
      setText("");
    } catch (caught) {
      const message =
        caught instanceof ApiError
          ? (caught.fieldErrors[fieldName]?.[0] ?? caught.message)
          : "Something went wrong. Please try again.";
      setError(message);
    }
  }

  const describedBy = [
    `${id}-counter`,
    copy.hint ? `${id}-hint` : null,
    error ? `${id}-error` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{copy.title}</DialogTitle>
            <DialogDescription>{copy.description}</DialogDescription>
          </DialogHeader>
          {children}
          <div className="grid gap-2">
            <div className="flex items-baseline justify-between gap-2">
              <Label htmlFor={id}>
                {copy.label}
                {isRequired ? null : (
                  <span className="font-normal text-muted-foreground"> (optional)</span>
                )}
              </Label>
              <CharacterCounter id={`${id}-counter`} length={length} limit={maxLength} />
            </div>
            <Textarea
              id={id}
              value={text}
              rows={4}
              required={isRequired}
              placeholder={copy.placeholder}
              onChange={(event) => {
                setText(event.target.value);
                if (error) setError(null);
              }}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              disabled={isPending}
            />
            {copy.hint ? (
              <p id={`${id}-hint`} className="text-sm text-muted-foreground">
                {copy.hint}
              </p>
            ) : null}
            {error ? (
              <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
                {error}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              onClick={() => change(false)}
              disabled={isPending}
            >
              Cancel
            </Button>
            <Button type="submit" variant={copy.variant ?? "default"} isLoading={isPending}>
              {copy.submit}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
