import { Globe, Link2, Lock, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { GptStatus } from "@/lib/gpts/policy";
import { type GptVisibility, visibilityLabel } from "@/lib/gpts/visibility";
import { moderationBadgeTitle, visibilityBadge } from "@/lib/moderation/labels";
import { cn } from "@/lib/utils/cn";

export const visibilityIcons: Record<GptVisibility, LucideIcon> = {
  PRIVATE: Lock,
  LINK: Link2,
  PUBLIC: Globe,
};

/**
 * Who can see the GPT: the owner's setting while it is ACTIVE; otherwise its moderation state
 * ("In review", "Rejected", "Unlisted by moderators", "Removed"), never "Public" for a GPT the
 * store does not list. The moderation badge links to the editor's moderation panel and its
 * tooltip gives the moderators' reason when it is short.
 */
export function VisibilityStateBadge({
  status,
  visibility,
  moderationReason = null,
  moderationHref,
  className,
}: {
  status: GptStatus;
  visibility: GptVisibility;
  moderationReason?: string | null;
  /** Where the moderation badge leads (the editor's panel). */
  moderationHref?: string;
  className?: string;
}) {
  const badge = visibilityBadge({ status, visibility });
  if (badge.kind === "visibility") {
    const Icon = visibilityIcons[badge.visibility];
    return (
      <Badge variant="outline" className={className} data-testid="visibility-badge">
        <Icon aria-hidden="true" />
        {visibilityLabel(badge.visibility)}
      </Badge>
    );
  }
  const title = moderationBadgeTitle(badge, moderationReason);
  if (!moderationHref) {
    return (
      <Badge
        variant={badge.variant}
        title={title}
        className={className}
        data-testid="visibility-badge"
      >
        {badge.label}
      </Badge>
    );
  }
  return (
    <Link
      href={moderationHref}
      title={title}
      className={cn(
        "rounded-full outline-none focus-visible:ring-2 focus-visible:ring-ring",
        className,
      )}
    >
      <Badge variant={badge.variant} data-testid="visibility-badge">
        {badge.label}
      </Badge>
    </Link>
  );
}

type GptStatusBadgesProps = {
  status: GptStatus;
  /** The live version, or null while the GPT has never been published. */
  published: { number: number; visibility: GptVisibility } | null;
  hasUnpublishedChanges?: boolean;
  /** The latest moderation reason, for the moderation badge's tooltip. */
  moderationReason?: string | null;
  className?: string;
};

/** Draft / Published vN, who can see it (or its moderation state): the same everywhere. */
export function GptStatusBadges({
  status,
  published,
  hasUnpublishedChanges = false,
  moderationReason = null,
  className,
}: GptStatusBadgesProps) {
  return (
    <span className={cn("flex flex-wrap items-center gap-1.5", className)}>
      {published ? (
        <>
          <Badge variant="success">Published v{published.number}</Badge>
          <VisibilityStateBadge
            status={status}
            visibility={published.visibility}
            moderationReason={moderationReason}
            moderationHref="#moderation"
          />
          {hasUnpublishedChanges ? <Badge variant="warning">Unpublished changes</Badge> : null}
        </>
      ) : (
        <>
          <Badge variant="secondary">Draft</Badge>
          {status !== "ACTIVE" ? (
            <VisibilityStateBadge
              status={status}
              visibility="PRIVATE"
              moderationReason={moderationReason}
              moderationHref="#moderation"
            />
          ) : null}
        </>
      )}
    </span>
  );
}
