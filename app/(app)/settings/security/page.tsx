import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SecuritySettings } from "@/components/account/security-settings";
import { PageHeader } from "@/components/ui/page-header";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Security" };

/** What `?error=` / `?connected=` (back from a provider) mean here. */
const NOTICES: Record<string, string> = {
  connected: "The provider is connected: you can sign in with it now.",
  AlreadyLinked: "That provider account is already connected to another Atelier account.",
  Suspended: "This account has been suspended.",
  NoEmail: "The provider did not share a verified email address.",
};

export default async function SecuritySettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/settings/security");
  const params = await searchParams;
  const key =
    typeof params.error === "string" ? params.error : params.connected ? "connected" : null;
  return (
    <main className="mx-auto grid w-full max-w-4xl gap-6 px-4 py-8 sm:py-10">
      <PageHeader
        title="Security"
        description="Your sign-in details and the browsers signed in to your account."
      />
      <SecuritySettings notice={key ? NOTICES[key] : undefined} />
    </main>
  );
}
