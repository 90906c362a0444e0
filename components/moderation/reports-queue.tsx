"use client";

import { Flag, Inbox } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { PageHeader } from "@/components/ui/page-header";
import { useOpenReportCount, usePendingAppeals, useReportGroups } from "@/lib/moderation/hooks";
import type {
  AppealsPage,
  ModerationView,
  ReportGroupsPage,
  ReportQueueFilter,
} from "@/lib/moderation/schemas";
import { cn } from "@/lib/utils/cn";
import { AppealsQueue } from "./appeals-queue";
import { ReportGroupCard } from "./report-group-card";

export type QueueCounts = { openCount: number; openGptCount: number; pendingAppealCount: number };

/**
 * The moderation queue: Open (reported GPTs to act on, one row per GPT), Closed (what was decided)
 * and Appeals (creators contesting a decision), as URL tabs.
 */
export function ReportsQueue({
  view,
  counts,
  initialGroups,
  initialAppeals,
}: {
  view: ModerationView;
  counts: QueueCounts;
  initialGroups?: ReportGroupsPage;
  initialAppeals?: AppealsPage;
}) {
  const openReports = useOpenReportCount();
  // Shares its cache with the Appeals view, so the badge follows decisions made there.
  const appeals = usePendingAppeals(view === "appeals" ? initialAppeals : undefined);
  const openCount = openReports.data ?? counts.openCount;
  const appealCount = appeals.data?.pendingAppealCount ?? counts.pendingAppealCount;
  return (
    <div className="grid gap-6">
      <PageHeader
        className="pb-0"
        title="Reports"
        description="Reported GPTs, one row per GPT. Dismiss the reports, or unlist or remove the GPT with a reason its creator sees: that answers every open report about it."
      />
      <nav
        aria-label="Moderation queue"
        className="flex w-fit max-w-full gap-1 overflow-x-auto rounded-lg bg-muted p-1"
      >
        <ViewTab href="/admin/reports" isCurrent={view === "open"}>
          Open
          <Badge
            variant={openCount > 0 ? "destructive" : "secondary"}
            data-testid="open-report-count"
          >
            {openCount}
            <span className="sr-only"> open reports</span>
          </Badge>
        </ViewTab>
        <ViewTab href="/admin/reports?status=closed" isCurrent={view === "closed"}>
          Closed
        </ViewTab>
        <ViewTab href="/admin/reports?status=appeals" isCurrent={view === "appeals"}>
          Appeals
          <Badge
            variant={appealCount > 0 ? "warning" : "secondary"}
            data-testid="pending-appeal-count"
          >
            {appealCount}
            <span className="sr-only"> pending</span>
          </Badge>
        </ViewTab>
      </nav>
      {view === "appeals" ? (
        <AppealsQueue initialPage={initialAppeals} />
      ) : initialGroups ? (
        <GroupList filter={view} initialPage={initialGroups} />
      ) : null}
    </div>
  );
}

function ViewTab({
  href,
  isCurrent,
  children,
}: {
  href: string;
  isCurrent: boolean;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={cn(
        "inline-flex shrink-0 items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
        isCurrent
          ? "bg-background text-foreground shadow-xs"
          : "text-muted-foreground hover:text-foreground",
      )}
    >
      {children}
    </Link>
  );
}

function GroupList({
  filter,
  initialPage,
}: {
  filter: ReportQueueFilter;
  initialPage: ReportGroupsPage;
}) {
  const query = useReportGroups(filter, initialPage);
  const page = query.data ?? initialPage;
  const isOpen = filter === "open";
  if (query.isError && !query.data) {
    return (
      <LoadErrorAlert
        title="Reports could not be loaded"
        message={query.error.message}
        isRetrying={query.isRefetching}
        onRetry={() => query.refetch()}
      />
    );
  }
  return (
    <div className="grid gap-3">
      {query.isError ? (
        // What is on screen may be out of date (a GPT someone else already handled).
        <InlineRetryError
          message="The reports could not be refreshed."
          onRetry={() => query.refetch()}
        />
      ) : null}
      {isOpen && page.groups.length > 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="queue-summary">
          {page.openCount} open report{page.openCount === 1 ? "" : "s"} about {page.openGptCount}{" "}
          GPT{page.openGptCount === 1 ? "" : "s"}, the most recently reported first.
        </p>
      ) : null}
      {page.groups.length === 0 ? (
        <EmptyState
          icon={isOpen ? Inbox : Flag}
          title={isOpen ? "No open reports" : "No closed reports yet"}
          description={
            isOpen
              ? "When someone reports a GPT, it shows up here."
              : "GPTs whose reports you dismissed, or that you unlisted or removed, are listed here."
          }
        />
      ) : (
        <ul
          className="grid gap-3"
          aria-label={isOpen ? "Reported GPTs" : "GPTs with closed reports"}
        >
          {page.groups.map((group) => (
            <ReportGroupCard key={group.gpt.id} group={group} view={filter} />
          ))}
        </ul>
      )}
      {page.nextPage ? (
        <p className="text-sm text-muted-foreground">
          Showing the {page.groups.length} most recent GPTs. Handle some to see older ones.
        </p>
      ) : null}
    </div>
  );
}
