import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotificationsView } from "@/components/notifications/notifications-view";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/notifications");
  return (
    <main className="mx-auto grid w-full max-w-3xl gap-2 px-4 py-8 sm:py-10">
      <NotificationsView />
    </main>
  );
}
