"use client";

import {
  BarChart3,
  Copy,
  ExternalLink,
  GitFork,
  MessageSquare,
  MoreHorizontal,
  Pencil,
  Trash2,
} from "lucide-react";
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { MyGptSummary } from "@/lib/gpts/queries";
import { gptPath } from "@/lib/gpts/visibility";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/utils/format-time";
import { VisibilityStateBadge } from "./gpt-status-badges";

function countLabel(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

const subscribeNever = () => () => {};

/** True after hydration: the full date depends on the browser's time zone, so it waits. */
function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

function StatusBadges({ gpt }: { gpt: MyGptSummary }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {gpt.publishedVersion ? (
        <>
          <Badge variant="success">Published v{gpt.publishedVersion.number}</Badge>
          {gpt.hasUnpublishedChanges ? <Badge variant="warning">Unpublished changes</Badge> : null}
        </>
      ) : (
        <Badge variant="secondary">Draft</Badge>
      )}
      {/* Above the row's stretched link: it opens the editor's moderation panel. */}
      <VisibilityStateBadge
        status={gpt.status}
        visibility={gpt.visibility}
        moderationReason={gpt.moderationReason}
        moderationHref={`/gpts/${gpt.id}/edit#moderation`}
        className="relative z-10"
      />
    </span>
  );
}

/**
 * One "My GPTs" row: the name opens the editor (the whole row is its click target); Edit and a
 * menu with View, Duplicate and Delete sit above it.
 */
export function MyGptRow({
  gpt,
  now,
  isDuplicating,
  onDuplicate,
  onDelete,
}: {
  gpt: MyGptSummary;
  /** The clock the relative times are computed against (the server's at first render). */
  now: number;
  isDuplicating: boolean;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const isHydrated = useIsHydrated();
  const isViewable = gpt.publishedVersion !== null && gpt.status === "ACTIVE";
  const editHref = `/gpts/${gpt.id}/edit`;
  return (
    <li
      className="relative flex items-start gap-3 p-4 transition-colors focus-within:bg-accent/40 hover:bg-accent/40 sm:items-center sm:gap-4"
      data-testid="my-gpt-row"
    >
      <GptAvatar
        name={gpt.name}
        src={gpt.avatarUrl}
        color={gpt.avatarColor}
        size="md"
        className="sm:size-12 sm:text-base"
      />
      <div className="grid min-w-0 flex-1 gap-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <h2 className="min-w-0 truncate font-medium">
            <Link
              href={editHref}
              className="rounded-sm outline-none after:absolute after:inset-0 focus-visible:ring-2 focus-visible:ring-ring"
            >
              {gpt.name}
            </Link>
          </h2>
          <StatusBadges gpt={gpt} />
        </div>
        {gpt.description ? (
          <p className="line-clamp-2 text-sm text-muted-foreground">{gpt.description}</p>
        ) : null}
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
          <span className="inline-flex items-center gap-1">
            <MessageSquare aria-hidden="true" className="size-3.5" />
            {countLabel(gpt.conversationCount, "chat", "chats")}
          </span>
          <span className="inline-flex items-center gap-1" data-testid="my-gpt-remixes">
            <GitFork aria-hidden="true" className="size-3.5" />
            {countLabel(gpt.remixCount, "remix", "remixes")}
          </span>
          <span>
            Edited{" "}
            <time
              dateTime={gpt.updatedAt}
              title={isHydrated ? formatAbsoluteTime(gpt.updatedAt) : undefined}
            >
              {formatRelativeTime(gpt.updatedAt, now)}
            </time>
          </span>
        </p>
      </div>
      {/* Above the row's stretched link so both stay clickable. */}
      <div className="relative z-10 flex shrink-0 items-center gap-1">
        <Button variant="outline" size="sm" asChild>
          <Link href={editHref} aria-label={`Edit ${gpt.name}`}>
            <Pencil aria-hidden="true" />
            <span className="hidden sm:inline">Edit</span>
          </Link>
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button
              variant="ghost"
              size="icon"
              className="size-8"
              aria-label={`More actions for ${gpt.name}`}
              isLoading={isDuplicating}
            >
              <MoreHorizontal aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {isViewable ? (
              <DropdownMenuItem asChild>
                <Link href={gptPath(gpt.slug)}>
                  <ExternalLink aria-hidden="true" />
                  View
                </Link>
              </DropdownMenuItem>
            ) : null}
            <DropdownMenuItem asChild>
              <Link href={`/creator/analytics?gptId=${encodeURIComponent(gpt.id)}`}>
                <BarChart3 aria-hidden="true" />
                Analytics
              </Link>
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={onDuplicate} disabled={gpt.status === "REMOVED"}>
              <Copy aria-hidden="true" />
              Duplicate
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" onSelect={onDelete}>
              <Trash2 aria-hidden="true" />
              Delete
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </li>
  );
}
