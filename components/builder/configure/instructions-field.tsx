"use client";

import { Maximize2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { AutosizeTextarea, Textarea } from "@/components/ui/textarea";
import { GPT_LIMITS } from "@/lib/gpts/schemas";
import { CharCountHint } from "./char-count-hint";

const ID = "gpt-instructions";
const PLACEHOLDER = "What does this GPT do? How does it behave? What should it avoid doing?";
const PRIVACY_NOTE = "Private: only you can see them. People who chat with your GPT never do.";

/**
 * The instructions with a live character count, and an "Expand" dialog with a full-height editor
 * for long prompts. Both edit the same value, so nothing needs copying back.
 */
export function InstructionsField({
  value,
  error,
  onChange,
}: {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const [isExpanded, setIsExpanded] = useState(false);
  const describedBy = [`${ID}-description`, error ? `${ID}-error` : null].filter(Boolean).join(" ");
  const count = <CharCountHint length={value.length} max={GPT_LIMITS.instructions} />;

  return (
    <div className="grid gap-2">
      <div className="flex items-end justify-between gap-3">
        <Label htmlFor={ID}>Instructions</Label>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className="-my-1 text-muted-foreground hover:text-foreground"
          onClick={() => setIsExpanded(true)}
        >
          <Maximize2 aria-hidden="true" />
          Expand<span className="sr-only"> the instructions editor</span>
        </Button>
      </div>
      <AutosizeTextarea
        id={ID}
        value={value}
        placeholder={PLACEHOLDER}
        minRows={10}
        maxRows={28}
        spellCheck
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${ID}-description`} className="text-sm text-muted-foreground">
        <CharCountHint length={value.length} max={GPT_LIMITS.instructions}>
          {PRIVACY_NOTE}
        </CharCountHint>
      </p>
      {error ? (
        <p id={`${ID}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}

      <Dialog open={isExpanded} onOpenChange={setIsExpanded}>
        <DialogContent className="flex h-[calc(100dvh-2rem)] max-w-5xl flex-col sm:h-[90dvh]">
          <DialogHeader>
            <DialogTitle>Instructions</DialogTitle>
            <DialogDescription>{PRIVACY_NOTE}</DialogDescription>
          </DialogHeader>
          <Label htmlFor={`${ID}-expanded`} className="sr-only">
            Instructions
          </Label>
          <Textarea
            id={`${ID}-expanded`}
            value={value}
            placeholder={PLACEHOLDER}
            spellCheck
            className="min-h-0 flex-1 resize-none font-mono text-sm"
            aria-describedby={`${ID}-expanded-count${error ? ` ${ID}-expanded-error` : ""}`}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
          <div className="grid gap-1 text-sm text-muted-foreground">
            <p id={`${ID}-expanded-count`}>{count}</p>
            {error ? (
              <p id={`${ID}-expanded-error`} className="font-medium text-destructive">
                {error}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="button" onClick={() => setIsExpanded(false)}>
              Done
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
