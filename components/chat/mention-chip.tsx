"use client";

import { X } from "lucide-react";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { MentionableGpt } from "@/lib/chat/mentionable-gpts";

/** The GPT picked with "@": it answers the next message only. */
export function MentionChip({ gpt, onRemove }: { gpt: MentionableGpt; onRemove: () => void }) {
  return (
    <div className="flex px-3 pt-3" data-testid="mention-chip">
      <span className="inline-flex max-w-full items-center gap-1.5 rounded-full border bg-muted py-1 pr-1 pl-1.5 text-xs">
        <span aria-hidden="true" className="flex">
          <GptAvatar name={gpt.name} src={gpt.avatarUrl} color={gpt.avatarColor} size="sm" />
        </span>
        <span className="truncate">
          <span className="text-muted-foreground">Replying: </span>
          <span className="font-medium">{gpt.name}</span>
        </span>
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Don't mention ${gpt.name}`}
          className="rounded-full p-0.5 text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
        >
          <X className="size-3.5" aria-hidden />
        </button>
      </span>
    </div>
  );
}
