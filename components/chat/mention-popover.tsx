"use client";

import { useEffect, useState } from "react";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils/cn";
import type { MentionPicker } from "./mention-picker";

export function mentionOptionId(listboxId: string, index: number): string {
  return `${listboxId}-option-${index}`;
}

/**
 * The list of GPTs above the composer while "@" is typed. Focus stays in the text box (it owns
 * aria-activedescendant); pointer presses must not blur it, hence preventDefault on mousedown.
 */
export function MentionPopover({ id, picker }: { id: string; picker: MentionPicker }) {
  const { gpts, activeIndex, query } = picker;
  const count = gpts.length;
  const hasGpts = count > 0;
  // Filled after mount: a live region that arrives with its text already in it is not read out.
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    setAnnouncement(count > 0 ? `${count} GPT${count === 1 ? "" : "s"} listed` : "");
  }, [count]);
  return (
    <div
      className="absolute inset-x-0 bottom-full z-20 mb-2 overflow-hidden rounded-xl border bg-popover text-popover-foreground shadow-lg"
      data-testid="mention-popover"
    >
      <p
        className="border-b px-3 py-2 text-xs font-medium text-muted-foreground"
        id={`${id}-label`}
      >
        {query ? `GPTs matching “${query}”` : "Mention a GPT for the next reply"}
      </p>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div
        id={id}
        role="listbox"
        aria-labelledby={`${id}-label`}
        className={cn("max-h-72 overflow-y-auto p-1", !hasGpts && "hidden")}
      >
        {gpts.map((gpt, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the text box handles the keys (aria-activedescendant)
          <div
            key={gpt.id}
            tabIndex={-1}
            id={mentionOptionId(id, index)}
            role="option"
            aria-selected={index === activeIndex}
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => picker.setActiveIndex(index)}
            onClick={() => picker.pick(gpt)}
            className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-2 text-sm aria-selected:bg-accent aria-selected:text-accent-foreground"
          >
            <span aria-hidden="true" className="flex">
              <GptAvatar name={gpt.name} src={gpt.avatarUrl} color={gpt.avatarColor} size="sm" />
            </span>
            <span className="min-w-0 flex-1 truncate font-medium">{gpt.name}</span>
            <span className="max-w-[40%] truncate text-xs text-muted-foreground">
              by {gpt.creatorName}
            </span>
          </div>
        ))}
      </div>
      {!hasGpts ? (
        <div className="px-3 py-3 text-sm text-muted-foreground">
          {picker.isLoading ? (
            <span className="inline-flex items-center gap-2">
              <Spinner size="sm" label="Loading GPTs" /> Loading GPTs…
            </span>
          ) : picker.isError ? (
            <span role="alert" className="text-destructive">
              Couldn't load GPTs. Keep typing to try again.
            </span>
          ) : query ? (
            <span role="status">No GPT you can use matches “{query}”.</span>
          ) : (
            <span role="status">Type a name to find a GPT in the store.</span>
          )}
        </div>
      ) : null}
    </div>
  );
}
