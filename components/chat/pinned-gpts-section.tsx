"use client";

import { PinOff } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { toast } from "sonner";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { cn } from "@/lib/utils/cn";
import type { PinnedGptItem } from "./pin-hooks";
import { useTogglePin } from "./pin-hooks";

/** The GPTs the user keeps in the sidebar ("Keep in sidebar"), each with "Hide from sidebar". */
export function PinnedGptsSection({ pinnedGpts }: { pinnedGpts: PinnedGptItem[] }) {
  const pathname = usePathname();
  const togglePin = useTogglePin();
  // The sidebar is rendered twice (desktop aside and phone sheet): ids must not collide.
  const headingId = useId();
  if (pinnedGpts.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="px-2 pb-2">
      <h2 id={headingId} className="px-2 pb-1 text-xs font-medium text-muted-foreground">
        GPTs
      </h2>
      <ul className="space-y-0.5" data-testid="pinned-gpts">
        {pinnedGpts.map((gpt) => {
          const href = `/g/${gpt.slug}`;
          const isActive = !!gpt.slug && pathname === href;
          return (
            <li
              key={gpt.gptId}
              className={cn(
                "group flex items-center rounded-lg hover:bg-accent",
                isActive && "bg-accent",
              )}
            >
              <Link
                href={gpt.slug ? href : "/chat"}
                className="flex min-w-0 flex-1 items-center gap-2.5 px-3 py-1.5 text-sm"
                aria-current={isActive ? "page" : undefined}
              >
                <span aria-hidden="true" className="flex">
                  <GptAvatar
                    name={gpt.name}
                    src={gpt.avatarUrl}
                    color={gpt.avatarColor}
                    size="sm"
                  />
                </span>
                <span className="min-w-0 flex-1 truncate">{gpt.name}</span>
              </Link>
              <button
                type="button"
                className="mr-1 rounded-md p-1.5 text-muted-foreground opacity-100 hover:text-foreground focus-visible:opacity-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:opacity-0 sm:group-hover:opacity-100"
                aria-label={`Hide ${gpt.name} from sidebar`}
                title="Hide from sidebar"
                onClick={() =>
                  togglePin.mutate(
                    { gpt, isPinned: false },
                    { onError: (error) => toast.error(error.message) },
                  )
                }
              >
                <PinOff className="size-4" aria-hidden />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
