import type { ReactNode } from "react";
import { ChatShell } from "@/components/chat/chat-shell";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/auth/session";
import { listConversations } from "@/lib/chat/queries";

/** Full-height chat screens; the conversation sidebar appears once someone is signed in. */
export default async function ChatLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const conversations = actor ? await listConversations({ actor }) : null;
  return (
    <div className="flex h-dvh flex-col">
      <SiteHeader actor={actor} />
      {conversations ? (
        <ChatShell
          initialConversations={conversations.map((conversation) => ({
            ...conversation,
            updatedAt: conversation.updatedAt.toISOString(),
          }))}
        >
          {children}
        </ChatShell>
      ) : (
        <div className="flex min-h-0 flex-1 flex-col">{children}</div>
      )}
    </div>
  );
}
