import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** A field's hint with a live "used/limit" count that turns red past the limit. */
export function CharCountHint({
  children,
  length,
  max,
}: {
  children?: ReactNode;
  length: number;
  max: number;
}) {
  const isOver = length > max;
  return (
    <span className="flex items-start justify-between gap-3">
      <span>{children}</span>
      <span
        className={cn("shrink-0 tabular-nums", isOver && "font-medium text-destructive")}
        data-testid="char-count"
      >
        {length.toLocaleString("en-US")}/{max.toLocaleString("en-US")}
        <span className="sr-only"> characters</span>
      </span>
    </span>
  );
}
