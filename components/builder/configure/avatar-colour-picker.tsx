"use client";

import { Check } from "lucide-react";
import { AVATAR_COLORS, getAvatarColor } from "@/lib/utils/avatar-colors";
import { cn } from "@/lib/utils/cn";

/** Spoken names for the palette (lib/utils/avatar-colors.ts), in the same order. */
const COLOUR_NAMES: Record<(typeof AVATAR_COLORS)[number], string> = {
  "#4f46e5": "Indigo",
  "#7c3aed": "Violet",
  "#7e22ce": "Purple",
  "#a21caf": "Fuchsia",
  "#be185d": "Pink",
  "#be123c": "Rose",
  "#b91c1c": "Red",
  "#c2410c": "Orange",
  "#b45309": "Amber",
  "#15803d": "Green",
  "#047857": "Emerald",
  "#0f766e": "Teal",
  "#0e7490": "Cyan",
  "#0369a1": "Sky",
  "#1d4ed8": "Blue",
  "#475569": "Slate",
};

export function colourName(colour: string): string {
  return COLOUR_NAMES[colour as keyof typeof COLOUR_NAMES] ?? colour;
}

/**
 * The generated avatar's colour as a radio group (arrow keys move between swatches): "Automatic"
 * derives it from the name, or one of the palette colours.
 */
export function AvatarColourPicker({
  name,
  value,
  error,
  onChange,
}: {
  /** The GPT's name, to show which colour "Automatic" currently gives. */
  name: string;
  value: string | null;
  error?: string;
  onChange: (value: string | null) => void;
}) {
  const automatic = getAvatarColor(name).background;
  const options = [
    {
      value: null,
      label: `Automatic (${colourName(automatic)}, from the name)`,
      colour: automatic,
    },
    ...AVATAR_COLORS.map((colour) => ({ value: colour, label: colourName(colour), colour })),
  ];

  return (
    <fieldset
      className="grid gap-2"
      aria-describedby={error ? "gpt-avatar-colour-error" : "gpt-avatar-colour-description"}
    >
      <legend className="mb-2 text-sm font-medium leading-none">Colour</legend>
      <p id="gpt-avatar-colour-description" className="-mt-1 text-sm text-muted-foreground">
        Behind the initials when there is no picture.
      </p>
      <div className="flex flex-wrap gap-1.5">
        {options.map((option) => {
          const isChecked = option.value === value;
          return (
            <label
              key={option.value ?? "automatic"}
              className="relative inline-flex size-8 cursor-pointer items-center justify-center"
              title={option.label}
            >
              <input
                type="radio"
                name="gpt-avatar-colour"
                className="peer absolute inset-0 size-full cursor-pointer opacity-0"
                checked={isChecked}
                aria-label={option.label}
                onChange={() => onChange(option.value)}
              />
              <span
                aria-hidden="true"
                className={cn(
                  "pointer-events-none flex size-7 items-center justify-center rounded-full text-white ring-offset-2 ring-offset-background transition-shadow peer-focus-visible:ring-2 peer-focus-visible:ring-ring peer-checked:ring-2 peer-checked:ring-foreground",
                  option.value === null &&
                    "border-2 border-dashed border-white/70 text-[0.625rem] font-semibold",
                )}
                style={{ backgroundColor: option.colour }}
              >
                {isChecked ? <Check className="size-4" /> : option.value === null ? "A" : null}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p
          id="gpt-avatar-colour-error"
          role="alert"
          className="text-sm font-medium text-destructive"
        >
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
