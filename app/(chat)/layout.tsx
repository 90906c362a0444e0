import type { ReactNode } from "react";
import { ChatShell } from "@/components/chat/chat-shell";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/auth/session";
import { listConversationPage } from "@/lib/chat/conversation-page";
import { listPinnedGpts } from "@/lib/chat/pins/queries";

/** Full-height chat screens; the conversation sidebar appears once someone is signed in. */
export default async function ChatLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const [initialPage, initialPinned] = actor
    ? await Promise.all([listConversationPage({ actor }), listPinnedGpts({ actor })])
    : [null, null];
  return (
    <div className="flex h-dvh flex-col">
      <SiteHeader actor={actor} />
      {initialPage && initialPinned ? (
        <ChatShell initialPage={initialPage} initialPinned={initialPinned}>
          {children}
        </ChatShell>
      ) : (
        <div className="flex min-h-0 flex-1 flex-col">{children}</div>
      )}
    </div>
  );
}
