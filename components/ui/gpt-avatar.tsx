"use client";

import * as AvatarPrimitive from "@radix-ui/react-avatar";
import { getAvatarColor, getInitials } from "@/lib/utils/avatar-colors";
import { cn } from "@/lib/utils/cn";

const sizes = {
  sm: "size-6 text-[0.625rem]",
  md: "size-8 text-xs",
  lg: "size-12 text-base",
  xl: "size-20 text-2xl",
} as const;

type GptAvatarProps = {
  /** The GPT's (or person's) name: seeds the initials and colour, and is the default alt. */
  name: string;
  src?: string | null;
  /** A palette colour chosen for the generated avatar (GPT `avatarColor`). */
  color?: string | null;
  /** Accessible name; defaults to `name`. */
  alt?: string;
  size?: keyof typeof sizes;
  className?: string;
};

/**
 * The image when `src` loads; otherwise (no src, still loading, or broken) initials on a colour
 * derived from the name, so the same GPT always looks the same across the store and chat.
 */
export function GptAvatar({
  name,
  src,
  color: chosenColor,
  alt,
  size = "md",
  className,
}: GptAvatarProps) {
  const label = alt ?? name;
  const color = getAvatarColor(name, chosenColor);
  return (
    <AvatarPrimitive.Root
      className={cn(
        "relative inline-flex shrink-0 select-none overflow-hidden rounded-full",
        sizes[size],
        className,
      )}
    >
      {src ? (
        <AvatarPrimitive.Image src={src} alt={label} className="size-full object-cover" />
      ) : null}
      <AvatarPrimitive.Fallback
        role="img"
        aria-label={label}
        className="flex size-full items-center justify-center font-semibold leading-none"
        style={{ backgroundColor: color.background, color: color.foreground }}
      >
        <span aria-hidden="true">{getInitials(name)}</span>
      </AvatarPrimitive.Fallback>
    </AvatarPrimitive.Root>
  );
}
