import { Globe, Link2, Lock, type LucideIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { GptStatus } from "@/lib/gpts/policy";
import { type GptVisibility, visibilityLabel } from "@/lib/gpts/visibility";
import { cn } from "@/lib/utils/cn";

export const visibilityIcons: Record<GptVisibility, LucideIcon> = {
  PRIVATE: Lock,
  LINK: Link2,
  PUBLIC: Globe,
};

type GptStatusBadgesProps = {
  status: GptStatus;
  /** The live version, or null while the GPT has never been published. */
  published: { number: number; visibility: GptVisibility } | null;
  hasUnpublishedChanges?: boolean;
  className?: string;
};

/** Draft / Published vN, who can see it, and moderation state: the same everywhere. */
export function GptStatusBadges({
  status,
  published,
  hasUnpublishedChanges = false,
  className,
}: GptStatusBadgesProps) {
  const VisibilityIcon = published ? visibilityIcons[published.visibility] : null;
  return (
    <span className={cn("flex flex-wrap items-center gap-1.5", className)}>
      {status === "REMOVED" ? <Badge variant="destructive">Removed</Badge> : null}
      {status === "UNLISTED" ? (
        <Badge
          variant="warning"
          title="Moderators took this GPT out of the store. People with its link can still chat with it."
        >
          Unlisted by moderators
        </Badge>
      ) : null}
      {published ? (
        <>
          <Badge variant="success">Published v{published.number}</Badge>
          <Badge variant="outline">
            {VisibilityIcon ? <VisibilityIcon aria-hidden="true" /> : null}
            {visibilityLabel(published.visibility)}
          </Badge>
          {hasUnpublishedChanges ? <Badge variant="warning">Unpublished changes</Badge> : null}
        </>
      ) : (
        <Badge variant="secondary">Draft</Badge>
      )}
    </span>
  );
}
