import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./input";

type SelectProps = ComponentProps<"select"> & {
  /** Classes for the wrapper (width, margins); `className` styles the <select> itself. */
  containerClassName?: string;
};

/**
 * A styled native <select>: keyboard, screen reader and mobile pickers work for free.
 * Pass <option> children; label it with a Field, <Label htmlFor> or aria-label.
 */
export function Select({ className, containerClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative w-full", containerClassName)}>
      <select
        className={cn(controlClasses, "h-9 cursor-pointer appearance-none py-1 pr-9", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
