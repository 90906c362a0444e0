"use client";

import { useId } from "react";
import { type GptVisibility, VISIBILITY_OPTIONS } from "@/lib/gpts/visibility";
import { cn } from "@/lib/utils/cn";
import { visibilityIcons } from "../gpt-status-badges";

type VisibilityRadioGroupProps = {
  legend: string;
  value: GptVisibility;
  onChange: (visibility: GptVisibility) => void;
  isDisabled?: boolean;
  className?: string;
};

/** Only me / Anyone with the link / Public as native radios (arrow keys move between them). */
export function VisibilityRadioGroup({
  legend,
  value,
  onChange,
  isDisabled = false,
  className,
}: VisibilityRadioGroupProps) {
  const groupId = useId();
  return (
    <fieldset className={cn("grid gap-2", className)} disabled={isDisabled}>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      {VISIBILITY_OPTIONS.map((option) => {
        const Icon = visibilityIcons[option.value];
        const titleId = `${groupId}-${option.value}-title`;
        const descriptionId = `${groupId}-${option.value}-description`;
        return (
          <label
            key={option.value}
            className="flex cursor-pointer items-start gap-3 rounded-lg border p-3 transition-colors hover:bg-accent/60 has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
          >
            <input
              type="radio"
              name={`${groupId}-visibility`}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-labelledby={titleId}
              aria-describedby={descriptionId}
              className="mt-0.5 size-4 shrink-0 cursor-pointer accent-primary focus-visible:outline-none"
            />
            <span className="grid min-w-0 gap-0.5">
              <span id={titleId} className="flex items-center gap-1.5 text-sm font-medium">
                <Icon aria-hidden="true" className="size-4 text-muted-foreground" />
                {option.label}
              </span>
              <span id={descriptionId} className="text-sm text-muted-foreground">
                {option.description}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
