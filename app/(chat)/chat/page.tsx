import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChatHome } from "@/components/chat/chat-home";
import { getActor } from "@/lib/auth/session";
import { listPinnedGpts, listRecentGpts } from "@/lib/chat/pins/queries";

export const metadata: Metadata = { title: "Chats" };

export default async function ChatHomePage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/chat");
  const [pinned, recent] = await Promise.all([
    listPinnedGpts({ actor }),
    listRecentGpts({ actor }),
  ]);
  return <ChatHome pinned={pinned} recent={recent} />;
}
