"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { writeToClipboard } from "@/lib/utils/clipboard";
import { cn } from "@/lib/utils/cn";
import { Button } from "./button";

type CopyButtonProps = {
  value: string;
  /** Accessible name before copying, e.g. "Copy code" or "Copy message". */
  label?: string;
  className?: string;
};

export function CopyButton({ value, label = "Copy", className }: CopyButtonProps) {
  const [isCopied, setIsCopied] = useState(false);

  useEffect(() => {
    if (!isCopied) return;
    const timeout = setTimeout(() => setIsCopied(false), 2000);
    return () => clearTimeout(timeout);
  }, [isCopied]);

  async function handleCopy() {
    try {
      await writeToClipboard(value);
      setIsCopied(true);
    } catch {
      toast.error("Could not copy to the clipboard");
    }
  }

  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        className={cn("size-7 text-muted-foreground hover:text-foreground", className)}
        onClick={handleCopy}
        aria-label={isCopied ? "Copied" : label}
      >
        {isCopied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      </Button>
      {/* Outside the button: a button's descendants are presentational to assistive tech. */}
      <span aria-live="polite" className="sr-only">
        {isCopied ? "Copied to clipboard" : ""}
      </span>
    </>
  );
}
