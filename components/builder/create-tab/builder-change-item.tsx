"use client";

import { Check, CircleSlash, PenLine, Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { BuilderChangeAction, BuilderChangeView } from "@/lib/builder/schemas";
import { cn } from "@/lib/utils/cn";
import { describeBuilderChange, formatFieldValue } from "./describe-change";

type BuilderChangeItemProps = {
  change: BuilderChangeView;
  categories: { id: string; name: string }[];
  /** The action running on this change, if any (shows a spinner on its button). */
  pendingAction: BuilderChangeAction | null;
  isDisabled: boolean;
  onAction: (change: BuilderChangeView, action: BuilderChangeAction) => void;
};

const icons = {
  APPLIED: Check,
  UNDONE: Undo2,
  PROPOSED: PenLine,
  DISMISSED: CircleSlash,
} as const;

/** One change the builder made (Undo) or proposed (Apply / Dismiss), under its message. */
export function BuilderChangeItem({
  change,
  categories,
  pendingAction,
  isDisabled,
  onAction,
}: BuilderChangeItemProps) {
  const Icon = icons[change.status];
  const title = describeBuilderChange(change, categories);
  const isProposed = change.status === "PROPOSED";
  const isSettled = change.status === "UNDONE" || change.status === "DISMISSED";
  return (
    <li
      data-testid="builder-change"
      data-status={change.status}
      data-field={change.field}
      className={cn(
        "rounded-lg border bg-card px-3 py-2 text-sm",
        isProposed && "border-warning/40 bg-warning/5",
      )}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        {/* The 10rem basis wraps Apply + Dismiss (not Undo) under the text on narrow screens. */}
        <span className="flex min-w-0 flex-1 basis-40 items-center gap-2">
          <Icon
            aria-hidden="true"
            className={cn(
              "size-4 shrink-0",
              isProposed ? "text-warning" : isSettled ? "text-muted-foreground" : "text-success",
            )}
          />
          {change.field === "avatarColor" && typeof change.after === "string" ? (
            <span
              aria-hidden="true"
              className="size-3.5 shrink-0 rounded-full"
              style={{ backgroundColor: change.after }}
            />
          ) : null}
          <span className={cn("min-w-0 break-words", isSettled && "text-muted-foreground")}>
            {title}
          </span>
        </span>
        {change.status === "APPLIED" ? (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={isDisabled}
            isLoading={pendingAction === "undo"}
            onClick={() => onAction(change, "undo")}
            aria-label={`Undo: ${title}`}
          >
            <Undo2 aria-hidden="true" />
            Undo
          </Button>
        ) : null}
        {isProposed ? (
          <span className="flex gap-2">
            <Button
              type="button"
              size="sm"
              variant="outline"
              disabled={isDisabled}
              isLoading={pendingAction === "apply"}
              onClick={() => onAction(change, "apply")}
            >
              Apply
            </Button>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              disabled={isDisabled}
              isLoading={pendingAction === "dismiss"}
              onClick={() => onAction(change, "dismiss")}
            >
              Dismiss
            </Button>
          </span>
        ) : null}
      </div>
      {isProposed ? (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-muted-foreground hover:text-foreground">
            Show the proposed value
          </summary>
          <p className="mt-1 max-h-48 overflow-y-auto whitespace-pre-wrap break-words rounded-md bg-muted p-2">
            {formatFieldValue(change, categories)}
          </p>
        </details>
      ) : null}
    </li>
  );
}
