import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotificationSettingsCard } from "@/components/notifications/notification-settings-card";
import { PageHeader } from "@/components/ui/page-header";
import { getActor } from "@/lib/auth/session";
import { NOTIFICATION_SETTINGS_PATH } from "@/lib/notifications/notify";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationSettingsPage() {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${NOTIFICATION_SETTINGS_PATH}`);
  return (
    <main className="mx-auto grid w-full max-w-4xl gap-6 px-4 py-8 sm:py-10">
      <PageHeader
        title="Notifications"
        description="How Atelier tells you about decisions on your GPTs and other things that need you."
      />
      <NotificationSettingsCard isStaff={actor.role === "ADMIN" || actor.role === "MODERATOR"} />
    </main>
  );
}
