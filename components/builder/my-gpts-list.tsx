import { ExternalLink, MessageSquare, Pencil } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { gptPath } from "@/lib/gpts/visibility";
import { GptStatusBadges } from "./gpt-status-badges";

export type MyGptItem = {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
  status: "ACTIVE" | "REMOVED";
  conversationCount: number;
  updatedAt: Date;
  publishedVersion: { number: number } | null;
};

const relativeTime = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absoluteTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

// Server-rendered only (no hydration), so reading the clock here cannot cause a mismatch.
function formatUpdated(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relativeTime.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

function formatChats(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "chat" : "chats"}`;
}

/** "My GPTs" rows: the row opens the editor; published GPTs also link to their page. */
export function MyGptsList({ gpts }: { gpts: MyGptItem[] }) {
  const now = Date.now();
  return (
    <ul className="divide-y overflow-hidden rounded-xl border bg-card" aria-label="Your GPTs">
      {gpts.map((gpt) => {
        const published = gpt.publishedVersion
          ? { number: gpt.publishedVersion.number, visibility: gpt.visibility }
          : null;
        const isViewable = published !== null && gpt.status === "ACTIVE";
        return (
          <li
            key={gpt.id}
            className="relative flex items-start gap-3 p-4 transition-colors focus-within:bg-accent/40 hover:bg-accent/40 sm:items-center sm:gap-4"
          >
            <GptAvatar name={gpt.name} size="md" className="sm:size-12 sm:text-base" />
            <div className="grid min-w-0 flex-1 gap-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <h2 className="min-w-0 truncate font-medium">
                  <Link
                    href={`/gpts/${gpt.id}/edit`}
                    className="rounded-sm outline-none after:absolute after:inset-0 focus-visible:ring-2 focus-visible:ring-ring"
                  >
                    {gpt.name}
                  </Link>
                </h2>
                <GptStatusBadges status={gpt.status} published={published} />
              </div>
              {gpt.description ? (
                <p className="line-clamp-2 text-sm text-muted-foreground">{gpt.description}</p>
              ) : null}
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                <span className="inline-flex items-center gap-1">
                  <MessageSquare aria-hidden="true" className="size-3.5" />
                  {formatChats(gpt.conversationCount)}
                </span>
                <span>
                  Updated{" "}
                  <time
                    dateTime={gpt.updatedAt.toISOString()}
                    title={absoluteTime.format(gpt.updatedAt)}
                  >
                    {formatUpdated(gpt.updatedAt, now)}
                  </time>
                </span>
              </p>
            </div>
            {/* Above the row's stretched link so both stay clickable. */}
            <div className="relative z-10 flex shrink-0 items-center gap-1">
              {isViewable ? (
                <Button variant="ghost" size="sm" asChild>
                  <Link href={gptPath(gpt.slug)} aria-label={`Open ${gpt.name}`}>
                    <ExternalLink aria-hidden="true" />
                    <span className="hidden sm:inline">Open</span>
                  </Link>
                </Button>
              ) : null}
              <Button variant="outline" size="sm" asChild>
                <Link href={`/gpts/${gpt.id}/edit`} aria-label={`Edit ${gpt.name}`}>
                  <Pencil aria-hidden="true" />
                  <span className="hidden sm:inline">Edit</span>
                </Link>
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
