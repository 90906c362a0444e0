import { BadgeCheck, MessageSquare, Star } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { StoreGptCard } from "@/lib/store/card";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat("en-US");

/** A GPT in a store list: the whole card links to its page. */
export function GptCard({ gpt }: { gpt: StoreGptCard }) {
  return (
    <Link
      href={`/g/${gpt.slug}`}
      className="group flex h-full gap-4 rounded-xl border bg-card p-4 transition-colors hover:border-foreground/20 hover:bg-accent/60 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      data-testid="gpt-card"
    >
      <GptAvatar
        name={gpt.name}
        src={gpt.avatarUrl}
        color={gpt.avatarColor}
        size="lg"
        className="shrink-0"
      />
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex items-center gap-2">
          <h3 className="truncate font-semibold leading-snug">{gpt.name}</h3>
          {gpt.isDemo && <Badge variant="demo">Demo</Badge>}
        </div>
        <p className="mt-0.5 line-clamp-2 text-sm text-muted-foreground">
          {gpt.description || "No description."}
        </p>
        <div className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-1 pt-2 text-xs text-muted-foreground">
          <span className="inline-flex min-w-0 items-center gap-1">
            <span className="truncate">By {gpt.creatorName}</span>
            {gpt.isCreatorVerified && (
              <BadgeCheck
                className="size-3.5 shrink-0 text-primary"
                aria-label="Verified creator"
              />
            )}
          </span>
          <CardRating rating={gpt.rating} count={gpt.ratingCount} />
          <span
            className="inline-flex shrink-0 items-center gap-1"
            title={`${integer.format(gpt.conversationCount)} conversations`}
          >
            <MessageSquare className="size-3" aria-hidden />
            <span className="sr-only">Conversations:</span>
            {compact.format(gpt.conversationCount)}
          </span>
        </div>
      </div>
    </Link>
  );
}

function CardRating({ rating, count }: { rating: number | null; count: number }) {
  if (rating === null || count === 0) {
    return <span className="shrink-0">No ratings yet</span>;
  }
  const label = `Rated ${rating.toFixed(1)} out of 5 from ${integer.format(count)} ${count === 1 ? "rating" : "ratings"}`;
  return (
    <span className="inline-flex shrink-0 items-center gap-1" title={label}>
      <Star className="size-3 fill-amber-400 text-amber-400" aria-hidden />
      <span className="sr-only">{label}</span>
      <span aria-hidden className="font-medium text-foreground">
        {rating.toFixed(1)}
      </span>
      <span aria-hidden>({compact.format(count)})</span>
    </span>
  );
}
