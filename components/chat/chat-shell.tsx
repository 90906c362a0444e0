"use client";

import { PanelLeft } from "lucide-react";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle } from "@/components/ui/dialog";
import { ConversationSidebar } from "./conversation-sidebar";
import type { ConversationListItem } from "./hooks";

/**
 * Chat layout: the conversation sidebar on the left on desktop; on phones it opens as a sheet from
 * a button so the thread gets the whole width.
 */
export function ChatShell({
  children,
  initialConversations,
}: {
  children: ReactNode;
  initialConversations?: ConversationListItem[];
}) {
  const [isOpen, setIsOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the sheet whenever the route changes
  useEffect(() => setIsOpen(false), [pathname]);

  return (
    <div className="flex min-h-0 flex-1">
      <aside className="hidden w-72 shrink-0 border-r bg-muted/30 md:block">
        <ConversationSidebar initialConversations={initialConversations} />
      </aside>
      <div className="relative flex min-w-0 flex-1 flex-col">
        <div className="absolute top-2 left-2 z-10 md:hidden">
          <Button
            variant="ghost"
            size="icon"
            onClick={() => setIsOpen(true)}
            aria-label="Show conversations"
          >
            <PanelLeft className="size-5" aria-hidden />
          </Button>
        </div>
        {children}
      </div>
      <Dialog open={isOpen} onOpenChange={setIsOpen}>
        <DialogContent className="top-0 left-0 h-dvh max-w-[85vw] translate-x-0 translate-y-0 rounded-none p-0 sm:max-w-xs">
          <DialogTitle className="sr-only">Conversations</DialogTitle>
          <ConversationSidebar initialConversations={initialConversations} />
        </DialogContent>
      </Dialog>
    </div>
  );
}
