"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { formatAbsoluteTime, formatRelativeTime } from "@/components/builder/versions/format-time";
import { Badge } from "@/components/ui/badge";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { AdminReportRow } from "@/lib/moderation/schemas";

export function ReportTime({ iso }: { iso: string }) {
  // The absolute time is in the browser's time zone, unknown to the server: set after mount.
  const [title, setTitle] = useState<string>();
  useEffect(() => setTitle(formatAbsoluteTime(iso)), [iso]);
  return (
    // Relative to the browser's clock: the server's rendering may be a few seconds older.
    <time dateTime={iso} title={title} suppressHydrationWarning>
      {formatRelativeTime(iso)}
    </time>
  );
}

/** Avatar, name (to its page), creator, and its state when it is no longer plainly listed. */
export function ReportedGpt({ gpt }: { gpt: AdminReportRow["gpt"] }) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span aria-hidden="true" className="flex">
        <GptAvatar name={gpt.name} src={gpt.avatarUrl} color={gpt.avatarColor} />
      </span>
      <div className="grid min-w-0">
        <Link
          href={`/g/${gpt.slug}`}
          className="truncate font-medium underline-offset-4 hover:underline"
          data-testid="reported-gpt-link"
        >
          {gpt.name}
        </Link>
        <span className="truncate text-xs text-muted-foreground">by {gpt.creatorName}</span>
        <GptStatusBadge status={gpt.status} />
      </div>
    </div>
  );
}

function GptStatusBadge({ status }: { status: AdminReportRow["gpt"]["status"] }) {
  if (status === "ACTIVE") return null;
  return (
    <Badge variant={status === "REMOVED" ? "destructive" : "warning"} className="mt-1">
      {status === "REMOVED" ? "Removed" : "Unlisted"}
    </Badge>
  );
}

export function OpenCount({ count }: { count: number }) {
  return (
    <span className={count > 1 ? "font-medium text-destructive" : "text-muted-foreground"}>
      {count} open report{count === 1 ? "" : "s"}
    </span>
  );
}

const OUTCOME = {
  DISMISSED: { label: "Dismissed", variant: "secondary" },
  UNLISTED: { label: "Unlisted", variant: "warning" },
  REMOVED: { label: "Removed", variant: "destructive" },
} as const;

/** A closed report's outcome, who closed it and when. */
export function ReportOutcome({ report }: { report: AdminReportRow }) {
  if (report.status === "OPEN") return null;
  const outcome = OUTCOME[report.status];
  return (
    <div className="grid gap-1 text-xs text-muted-foreground">
      <Badge variant={outcome.variant}>{outcome.label}</Badge>
      <span>
        {report.resolvedByName ? `by ${report.resolvedByName}` : null}
        {report.resolvedAt ? (
          <>
            {" "}
            <ReportTime iso={report.resolvedAt} />
          </>
        ) : null}
      </span>
    </div>
  );
}

export function Reporter({ reporter }: { reporter: AdminReportRow["reporter"] }) {
  return (
    <div className="grid min-w-0">
      <span className="truncate">{reporter.name ?? "—"}</span>
      <span className="truncate text-xs text-muted-foreground" title={reporter.email}>
        {reporter.email}
      </span>
    </div>
  );
}
