import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SharedConversation } from "@/components/chat/shared-conversation";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/auth/session";
import { getSharedConversation } from "@/lib/chat/share/share-queries";

type Props = { params: Promise<{ token: string }> };

const load = cache(async (token: string) =>
  getSharedConversation({ token, viewer: await getActor() }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shared = await load((await params).token);
  return {
    title: shared ? `${shared.title} (shared)` : "Shared conversation",
    // Shared by a link, for the people given it: never in search engines.
    robots: { index: false, follow: false },
  };
}

/** /share/<token>: a read-only copy of a conversation; works signed out; revoked links 404. */
export default async function SharedConversationPage({ params }: Props) {
  const { token } = await params;
  const shared = await load(token);
  if (!shared) notFound();
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader actor={await getActor()} />
      <SharedConversation shared={shared} />
    </div>
  );
}
