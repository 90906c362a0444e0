import {
  AlertTriangle,
  BadgeAlert,
  Copy,
  MessageSquareText,
  ShieldAlert,
  ShieldQuestion,
} from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { ReviewFlag } from "@/lib/moderation/checks";

const CHECK_COPY: Record<ReviewFlag["check"], { label: string; icon: typeof AlertTriangle }> = {
  "blocked-term": { label: "Blocked term", icon: AlertTriangle },
  "protected-name": { label: "Protected name", icon: ShieldAlert },
  impersonation: { label: "Looks like a verified creator", icon: BadgeAlert },
  "near-duplicate": { label: "Near-duplicate", icon: Copy },
  "action-privacy": { label: "Action privacy", icon: ShieldQuestion },
  "creator-note": { label: "Creator’s note", icon: MessageSquareText },
};

/** What the automatic checks found (and the creator's note), one badge and message per flag. */
export function ReviewFlags({ flags }: { flags: ReviewFlag[] }) {
  if (flags.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        The automatic checks found nothing: reviewed because of the review policy or an earlier
        rejection.
      </p>
    );
  }
  return (
    <ul className="grid gap-2" aria-label="Check findings">
      {flags.map((flag, index) => {
        const copy = CHECK_COPY[flag.check] ?? { label: flag.check, icon: AlertTriangle };
        const Icon = copy.icon;
        return (
          <li
            // Flags have no id; their order is stable for one review.
            key={`${flag.check}-${index}`}
            className="flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-2"
            data-testid="review-flag"
          >
            <Badge variant={flag.check === "creator-note" ? "secondary" : "warning"}>
              <Icon aria-hidden="true" />
              {copy.label}
            </Badge>
            <span className="text-sm wrap-anywhere">{flag.message}</span>
          </li>
        );
      })}
    </ul>
  );
}
