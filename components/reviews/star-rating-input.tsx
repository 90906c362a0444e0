"use client";

import { Star } from "lucide-react";
import { useId, useState } from "react";
import { cn } from "@/lib/utils/cn";

const STARS = [1, 2, 3, 4, 5] as const;

export function starLabel(stars: number): string {
  return `${stars} star${stars === 1 ? "" : "s"}`;
}

/**
 * Native radio inputs (arrow keys move between them, Space selects) drawn as stars. Hovering
 * previews a rating; the labels "1 star" ... "5 stars" are what screen readers announce.
 */
export function StarRatingInput({
  value,
  onChange,
  legend = "Your rating",
  error,
  disabled,
}: {
  value: number | null;
  onChange: (stars: number) => void;
  legend?: string;
  error?: string | null;
  disabled?: boolean;
}) {
  const name = useId();
  const errorId = `${name}-error`;
  const [hovered, setHovered] = useState<number | null>(null);
  const shown = hovered ?? value ?? 0;
  return (
    <fieldset
      className="grid gap-1.5"
      aria-describedby={error ? errorId : undefined}
      disabled={disabled}
    >
      <legend className="mb-1.5 text-sm font-medium">{legend}</legend>
      <div className="flex items-center">
        {STARS.map((stars) => (
          <label
            key={stars}
            className="relative cursor-pointer rounded-md p-1"
            onMouseEnter={() => setHovered(stars)}
            onMouseLeave={() => setHovered(null)}
          >
            <input
              type="radio"
              name={name}
              value={stars}
              checked={value === stars}
              onChange={() => onChange(stars)}
              className="peer absolute inset-0 m-0 size-full cursor-pointer opacity-0"
              data-testid={`rating-${stars}`}
            />
            <span className="sr-only">{starLabel(stars)}</span>
            <Star
              aria-hidden="true"
              className={cn(
                "size-7 rounded-sm transition-colors peer-focus-visible:ring-2 peer-focus-visible:ring-ring peer-focus-visible:ring-offset-2 peer-focus-visible:ring-offset-background",
                stars <= shown ? "fill-amber-400 text-amber-400" : "text-muted-foreground/50",
              )}
            />
          </label>
        ))}
        <span className="ml-2 text-sm text-muted-foreground" aria-hidden="true">
          {shown ? starLabel(shown) : "Choose"}
        </span>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
