import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { CreatorProfileView } from "@/components/profile/creator-profile-view";
import { getActor } from "@/lib/auth/session";
import { getCreatorProfile, getMyHandle } from "@/lib/users/profile-queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ handle: string }> };

/** Route params may arrive still percent-encoded; a malformed escape is just an unknown handle. */
function decoded(handle: string): string {
  try {
    return decodeURIComponent(handle);
  } catch {
    return handle;
  }
}

// Metadata and the page share one read per request.
const loadProfile = cache(async (handle: string) =>
  getCreatorProfile({ actor: await getActor(), handle: decoded(handle) }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile((await params).handle);
  if (!profile) return { title: "Creator not found" };
  const title = `${profile.displayName} (@${profile.handle})`;
  const description =
    profile.bio ?? `GPTs by ${profile.displayName}: ${profile.stats.gptCount} in the store.`;
  return {
    title,
    description,
    alternates: { canonical: `/u/${profile.handle}` },
    openGraph: {
      title,
      description,
      type: "profile",
      url: `/u/${profile.handle}`,
      images: profile.avatarUrl ? [{ url: profile.avatarUrl, width: 512, height: 512 }] : undefined,
    },
    robots: profile.isBanned ? { index: false, follow: false } : undefined,
  };
}

/** A creator's public profile. `/u/me` is a shortcut to one's own (reserved as a handle). */
export default async function CreatorProfilePage({ params }: Props) {
  const { handle } = await params;
  if (handle === "me") {
    const actor = await getActor();
    if (!actor) redirect("/sign-in?callbackUrl=/u/me");
    const own = await getMyHandle({ actor });
    redirect(own ? `/u/${own}` : "/settings/profile");
  }
  const profile = await loadProfile(handle);
  if (!profile) notFound();
  // One address per profile: /u/Ada and /u/ada show the same page under the canonical one.
  if (decoded(handle) !== profile.handle) redirect(`/u/${profile.handle}`);
  return <CreatorProfileView profile={profile} />;
}
