"use client";

import { PanelLeft } from "lucide-react";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/lib/utils/cn";
import { ConversationSidebar } from "./conversation-sidebar";
import type { ConversationListPage } from "./hooks";
import type { PinnedGptItem } from "./pin-hooks";
import { ShareConversationButton } from "./share-conversation-dialog";

/**
 * Chat layout: the conversation sidebar on the left on desktop; on phones it opens as a sheet from
 * a button so the thread gets the whole width.
 */
export function ChatShell({
  children,
  initialPage,
  initialPinned,
}: {
  children: ReactNode;
  initialPage?: ConversationListPage;
  initialPinned?: PinnedGptItem[];
}) {
  const [isOpen, setIsOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the sheet whenever the route changes
  useEffect(() => setIsOpen(false), [pathname]);
  // From the path, not the page: a chat started on /g/<slug> moves to /c/<id> without a navigation.
  const conversationId = pathname.match(/^\/c\/([^/]+)$/)?.[1];

  return (
    <div className="flex min-h-0 flex-1">
      <aside className="hidden w-72 shrink-0 border-r bg-muted/30 md:block">
        <ConversationSidebar initialPage={initialPage} initialPinned={initialPinned} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        {/* The thread's top bar: the sheet button on phones, Share in a conversation. */}
        <div
          className={cn(
            "flex h-12 shrink-0 items-center gap-2 px-2",
            !conversationId && "md:hidden",
          )}
        >
          <Button
            variant="ghost"
            size="icon"
            className="md:hidden"
            onClick={() => setIsOpen(true)}
            aria-label="Show conversations"
          >
            <PanelLeft className="size-5" aria-hidden />
          </Button>
          {conversationId && (
            <div className="ml-auto">
              <ShareConversationButton conversationId={conversationId} />
            </div>
          )}
        </div>
        {children}
      </div>
      <Dialog open={isOpen} onOpenChange={setIsOpen}>
        <DialogContent className="top-0 left-0 h-dvh max-w-[85vw] translate-x-0 translate-y-0 rounded-none p-0 sm:max-w-xs">
          <DialogTitle className="sr-only">Conversations</DialogTitle>
          <ConversationSidebar initialPage={initialPage} initialPinned={initialPinned} isSheet />
        </DialogContent>
      </Dialog>
    </div>
  );
}
