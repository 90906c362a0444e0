"use client";

import { Info, RotateCcw } from "lucide-react";
import { useState } from "react";
import { ChatPanel } from "@/components/chat/chat-panel";
import { Button } from "@/components/ui/button";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { cn } from "@/lib/utils/cn";

type PreviewPaneProps = {
  /** Null until a new GPT's first save creates it. */
  gptId: string | null;
  gptName: string;
  /** The draft's picture (or its initials colour). */
  avatar?: { src: string | null; color: string | null };
  description: string;
  starters: string[];
  /** Set when the instance has no enabled model: the chat explains how to add one. */
  noModel?: { isAdmin: boolean };
  /** Called when the preview is about to be used, so pending edits reach the saved draft. */
  onBeforeUse: () => void;
  className?: string;
};

/** Live preview chat against the saved draft. "Reset preview" starts a fresh conversation. */
export function PreviewPane({
  gptId,
  gptName,
  avatar,
  description,
  starters,
  noModel,
  onBeforeUse,
  className,
}: PreviewPaneProps) {
  const [previewKey, setPreviewKey] = useState(0);
  return (
    <section
      aria-labelledby="gpt-preview-heading"
      className={cn("flex min-h-0 flex-col bg-muted/30", className)}
      onFocusCapture={onBeforeUse}
      onPointerDownCapture={onBeforeUse}
    >
      <div className="flex min-h-12 items-center gap-3 border-b bg-background/60 px-4 py-2">
        <h2 id="gpt-preview-heading" className="text-sm font-semibold">
          Preview
        </h2>
        <p className="flex min-w-0 items-center gap-1 text-xs text-muted-foreground">
          <Info aria-hidden="true" className="size-3.5 shrink-0" />
          <span className="truncate">Preview uses your saved draft</span>
        </p>
        {gptId ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="ml-auto"
            onClick={() => setPreviewKey((key) => key + 1)}
          >
            <RotateCcw aria-hidden="true" />
            Reset preview
          </Button>
        ) : null}
      </div>
      <div className="flex min-h-0 flex-1 flex-col">
        {gptId ? (
          <ChatPanel
            key={previewKey}
            gptId={gptId}
            gptName={gptName}
            avatarSrc={avatar?.src}
            avatarColor={avatar?.color}
            description={description}
            starters={starters}
            noModel={noModel}
            isPreview
            className="h-full min-h-0 flex-1"
          />
        ) : (
          <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 py-12 text-center">
            <GptAvatar name={gptName} src={avatar?.src} color={avatar?.color} size="xl" />
            <p className="text-lg font-semibold">{gptName}</p>
            <p className="max-w-xs text-sm text-muted-foreground">
              Give your GPT a name and save it to start chatting with it here.
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
