"use client";

import * as PopoverPrimitive from "@radix-ui/react-popover";
import { FileText, X } from "lucide-react";
import type { Citation } from "@/lib/knowledge/citations/types";
import { cn } from "@/lib/utils/cn";

/**
 * An inline source marker ("[1]" in the answer) as a button; it opens the cited passage with its
 * file name (or "Knowledge file" when the GPT hides its sources), page and heading.
 */
export function CitationButton({ citation }: { citation: Citation }) {
  const source = citation.fileName ?? "Knowledge file";
  return (
    <PopoverPrimitive.Root>
      <PopoverPrimitive.Trigger asChild>
        <button
          type="button"
          aria-label={`Source ${citation.n}`}
          data-testid="citation-button"
          className={cn(
            "mx-0.5 inline-flex h-5 min-w-5 items-center justify-center rounded-md bg-muted px-1 align-baseline text-[0.7rem] font-medium text-muted-foreground no-underline transition-colors",
            "hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-accent data-[state=open]:text-accent-foreground",
          )}
        >
          {citation.n}
        </button>
      </PopoverPrimitive.Trigger>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          side="top"
          align="start"
          sideOffset={6}
          collisionPadding={12}
          aria-label={`Source ${citation.n}: ${source}`}
          data-testid="citation-popover"
          className="z-50 w-[min(24rem,calc(100vw-2rem))] rounded-xl border bg-popover p-4 text-sm text-popover-foreground shadow-lg outline-none data-[state=open]:animate-fade-in"
        >
          <div className="mb-2 flex items-start gap-2">
            <FileText className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium" data-testid="citation-source">
                {source}
              </p>
              {(citation.page !== null || citation.heading) && (
                <p className="truncate text-xs text-muted-foreground">
                  {[citation.page !== null ? `Page ${citation.page}` : null, citation.heading]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              )}
            </div>
            <PopoverPrimitive.Close
              aria-label="Close source"
              className="rounded-md p-0.5 text-muted-foreground hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <X className="size-4" aria-hidden />
            </PopoverPrimitive.Close>
          </div>
          <blockquote
            className="max-h-60 overflow-y-auto border-l-2 pl-3 text-muted-foreground whitespace-pre-wrap break-words"
            data-testid="citation-quote"
          >
            {citation.quote}
          </blockquote>
          <PopoverPrimitive.Arrow className="fill-popover" />
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
