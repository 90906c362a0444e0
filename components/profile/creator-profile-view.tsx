import { Wand2 } from "lucide-react";
import Link from "next/link";
import { GptCard } from "@/components/store/gpt-card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { CreatorProfile } from "@/lib/users/profile-queries";
import { CreatorProfileHeader } from "./creator-profile-header";

/** A creator's public page: who they are, then their listed GPTs. */
export function CreatorProfileView({ profile }: { profile: CreatorProfile }) {
  const hiddenCount = profile.stats.gptCount - profile.gpts.length;
  return (
    <main className="mx-auto grid w-full max-w-6xl gap-8 px-4 py-8 sm:py-10">
      <CreatorProfileHeader profile={profile} />
      <section aria-labelledby="creator-gpts-heading" className="grid gap-4">
        <h2 id="creator-gpts-heading" className="text-lg font-semibold">
          GPTs by {profile.displayName}
        </h2>
        {profile.gpts.length === 0 ? (
          <EmptyState
            icon={Wand2}
            title="No public GPTs yet"
            description={
              profile.isOwnProfile
                ? "Publish a GPT to the store and it shows up here."
                : `${profile.displayName} has not published a GPT to the store yet.`
            }
            action={
              profile.isOwnProfile ? (
                <Button asChild>
                  <Link href="/gpts">Go to My GPTs</Link>
                </Button>
              ) : null
            }
          />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="creator-gpts">
            {profile.gpts.map((gpt) => (
              <li key={gpt.id} className="min-w-0">
                <GptCard gpt={gpt} />
              </li>
            ))}
          </ul>
        )}
        {hiddenCount > 0 ? (
          <p className="text-sm text-muted-foreground">
            Showing the {profile.gpts.length} most used of {profile.stats.gptCount} GPTs.
          </p>
        ) : null}
      </section>
    </main>
  );
}
