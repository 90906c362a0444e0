import { CalendarDays, Link2, Pencil } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { CreatorProfile } from "@/lib/users/profile-queries";
import { VerifiedDomainBadge } from "./verified-domain-badge";

const monthFormat = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric" });
const integer = new Intl.NumberFormat("en-US");

/** "example.com/me" for a link's text: the scheme adds nothing a reader needs. */
function websiteLabel(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\/$/, "");
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export function CreatorProfileHeader({ profile }: { profile: CreatorProfile }) {
  const { stats } = profile;
  return (
    <header className="grid gap-6 border-b pb-8" data-testid="creator-profile-header">
      <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
        <GptAvatar
          name={profile.displayName}
          src={profile.avatarUrl}
          alt={`${profile.displayName}'s picture`}
          size="xl"
        />
        <div className="grid min-w-0 flex-1 gap-2">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere sm:text-3xl">
              {profile.displayName}
            </h1>
            {profile.isBanned ? <Badge variant="destructive">Banned (admins only)</Badge> : null}
          </div>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-muted-foreground">
            <span>@{profile.handle}</span>
            {profile.verifiedDomain ? (
              <VerifiedDomainBadge
                domain={profile.verifiedDomain}
                verifiedAt={profile.domainVerifiedAt}
              />
            ) : null}
          </div>
          {profile.bio ? (
            <p className="max-w-2xl whitespace-pre-line text-pretty wrap-anywhere">{profile.bio}</p>
          ) : null}
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted-foreground">
            {profile.website ? (
              <a
                href={profile.website}
                rel="nofollow ugc noopener"
                target="_blank"
                className="inline-flex min-w-0 items-center gap-1 text-primary underline-offset-4 hover:underline"
              >
                <Link2 className="size-4 shrink-0" aria-hidden />
                <span className="truncate">{websiteLabel(profile.website)}</span>
              </a>
            ) : null}
            <span className="inline-flex items-center gap-1">
              <CalendarDays className="size-4" aria-hidden />
              Joined {monthFormat.format(new Date(profile.joinedAt))}
            </span>
          </div>
        </div>
        {profile.isOwnProfile ? (
          <Button asChild variant="outline" size="sm" className="self-start">
            <Link href="/settings/profile">
              <Pencil aria-hidden /> Edit profile
            </Link>
          </Button>
        ) : null}
      </div>
      <dl className="flex flex-wrap gap-x-10 gap-y-4" data-testid="creator-stats">
        <Stat
          label={stats.gptCount === 1 ? "GPT" : "GPTs"}
          value={integer.format(stats.gptCount)}
        />
        <Stat label="Conversations" value={integer.format(stats.conversationCount)} />
        <Stat
          label={
            stats.ratingCount > 0
              ? `Average rating (${integer.format(stats.ratingCount)})`
              : "Average rating"
          }
          value={stats.averageRating === null ? "–" : `${stats.averageRating.toFixed(1)} ★`}
        />
      </dl>
    </header>
  );
}
