"use client";

import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { MessageFeedbackState } from "@/lib/chat/schemas";
import { MessageFeedback } from "./message-feedback";

const ACTION_CLASSES = "size-8 text-muted-foreground hover:text-foreground";

/**
 * The row under a finished answer, ChatGPT-like: copy (every answer with text), regenerate (the
 * latest answer only, also after a failure or a stop), and the thumbs (`feedback`, for saved store
 * answers that did not fail).
 */
export function AnswerActions({
  text,
  onRegenerate,
  feedback,
}: {
  text: string;
  /** Set on the latest answer while the chat can take a new turn. */
  onRegenerate?: () => void;
  feedback?: { messageId: string; gptName: string; initial?: MessageFeedbackState | null } | null;
}) {
  const actions = (
    <>
      {text ? <CopyButton value={text} label="Copy answer" className={ACTION_CLASSES} /> : null}
      {onRegenerate ? (
        <Button
          type="button"
          variant="ghost"
          size="icon"
          className={ACTION_CLASSES}
          aria-label="Regenerate answer"
          onClick={onRegenerate}
        >
          <RefreshCw className="size-4" aria-hidden />
        </Button>
      ) : null}
    </>
  );
  if (feedback) return <MessageFeedback {...feedback} leading={actions} />;
  if (!text && !onRegenerate) return null;
  return (
    <div className="mt-1 -ml-2 flex items-center gap-0.5" data-testid="answer-actions">
      {actions}
    </div>
  );
}
