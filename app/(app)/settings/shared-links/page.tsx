import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SharedLinksList } from "@/components/chat/shared-links-list";
import { getActor } from "@/lib/auth/session";
import { listMyShares } from "@/lib/chat/share/share-queries";

export const metadata: Metadata = { title: "Shared links" };

export default async function SharedLinksPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/settings/shared-links");
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:py-10">
      <SharedLinksList links={await listMyShares({ actor })} />
    </main>
  );
}
