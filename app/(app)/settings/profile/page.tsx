import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProfileSettings } from "@/components/profile/profile-settings";
import { getActor } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/users/profile-queries";

export const metadata: Metadata = { title: "Profile settings" };

export default async function ProfileSettingsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/settings/profile");
  const profile = await getMyProfile({ actor });
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:py-10">
      <ProfileSettings initialProfile={profile} />
    </main>
  );
}
