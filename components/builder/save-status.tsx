"use client";

import {
  CircleDashed,
  CircleDot,
  CircleX,
  CloudCheck,
  LoaderCircle,
  type LucideIcon,
  TriangleAlert,
} from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";
import type { SaveState } from "./use-gpt-draft";

const states: Record<SaveState, { icon: LucideIcon; text: string; className: string }> = {
  new: { icon: CircleDashed, text: "Not saved yet", className: "text-muted-foreground" },
  saved: { icon: CloudCheck, text: "Saved", className: "text-muted-foreground" },
  saving: { icon: LoaderCircle, text: "Saving…", className: "text-muted-foreground" },
  dirty: { icon: CircleDot, text: "Unsaved changes", className: "text-muted-foreground" },
  invalid: { icon: TriangleAlert, text: "Fix errors to save", className: "text-warning" },
  failed: { icon: CircleX, text: "Failed to save", className: "text-destructive" },
  conflict: { icon: TriangleAlert, text: "Out of date", className: "text-warning" },
};

type SaveStatusProps = {
  state: SaveState;
  /** Why the last save failed; shown as the status's description. */
  errorMessage?: string;
  onRetry: () => void;
  className?: string;
};

/** "Saved / Saving… / Unsaved changes / Failed — Retry", announced politely as it changes. */
export function SaveStatus({ state, errorMessage, onRetry, className }: SaveStatusProps) {
  const { icon: Icon, text, className: tone } = states[state];
  return (
    <div className={cn("flex min-w-0 items-center gap-1.5 text-sm", className)}>
      <span
        role="status"
        data-testid="save-status"
        data-state={state}
        title={state === "failed" ? errorMessage : undefined}
        className={cn("inline-flex min-w-0 items-center gap-1.5", tone)}
      >
        <Icon
          aria-hidden="true"
          className={cn("size-4 shrink-0", state === "saving" && "animate-spin")}
        />
        <span className="truncate">{text}</span>
        {state === "failed" && errorMessage ? (
          <span className="sr-only">: {errorMessage}</span>
        ) : null}
      </span>
      {state === "failed" ? (
        <Button variant="link" size="sm" className="h-auto px-0 has-[>svg]:px-0" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}
