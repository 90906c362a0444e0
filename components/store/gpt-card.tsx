import { MessageSquare } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { StoreGptCard } from "@/lib/gpts/queries";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function GptCard({ gpt }: { gpt: StoreGptCard }) {
  return (
    <Link
      href={`/g/${gpt.slug}`}
      className="group flex gap-4 rounded-xl border bg-card p-4 transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      data-testid="gpt-card"
    >
      <GptAvatar
        name={gpt.name}
        src={gpt.avatarUrl}
        color={gpt.avatarColor}
        size="lg"
        className="shrink-0"
      />
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-2">
          <h3 className="truncate font-medium">{gpt.name}</h3>
          {gpt.isDemo && <Badge variant="demo">Demo</Badge>}
        </div>
        <p className="mt-0.5 line-clamp-2 text-sm text-muted-foreground">
          {gpt.description || "No description."}
        </p>
        <p className="mt-2 flex items-center gap-3 text-xs text-muted-foreground">
          <span className="truncate">By {gpt.creatorName}</span>
          <span
            className="inline-flex shrink-0 items-center gap-1"
            title={`${gpt.conversationCount} conversations`}
          >
            <MessageSquare className="size-3" aria-hidden />
            <span className="sr-only">Conversations:</span>
            {compact.format(gpt.conversationCount)}
          </span>
        </p>
      </div>
    </Link>
  );
}
