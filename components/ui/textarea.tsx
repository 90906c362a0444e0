"use client";

import type { ComponentProps, Ref } from "react";
import TextareaAutosize, { type TextareaAutosizeProps } from "react-textarea-autosize";
import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./input";

const textareaClasses = "min-h-16 py-2 leading-relaxed";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(controlClasses, textareaClasses, className)} {...props} />;
}

export type AutosizeTextareaProps = TextareaAutosizeProps & {
  ref?: Ref<HTMLTextAreaElement>;
};

/** Grows with its content between `minRows` and `maxRows` (e.g. a chat composer). */
export function AutosizeTextarea({
  className,
  minRows = 1,
  maxRows = 12,
  ...props
}: AutosizeTextareaProps) {
  return (
    <TextareaAutosize
      minRows={minRows}
      maxRows={maxRows}
      className={cn(controlClasses, "resize-none py-2 leading-relaxed", className)}
      {...props}
    />
  );
}
