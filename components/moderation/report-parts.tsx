"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import {
  APPEAL_STATUS_LABELS,
  DECISION_KIND_LABELS,
  moderationBadge,
} from "@/lib/moderation/labels";
import type { DecisionSummary, ReportDetail, ReportedGptSummary } from "@/lib/moderation/schemas";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/utils/format-time";

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

/** Avatar, name (to its page), creator, and its state when it is not plainly listed. */
export function ReportedGpt({
  gpt,
  headingLevel = "h2",
}: {
  gpt: ReportedGptSummary;
  headingLevel?: "h2" | "h3";
}) {
  const Heading = headingLevel;
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span aria-hidden="true" className="flex">
        <GptAvatar name={gpt.name} src={gpt.avatarUrl} color={gpt.avatarColor} size="md" />
      </span>
      <div className="grid min-w-0 gap-0.5">
        <Heading className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium">
          <Link
            href={`/g/${gpt.slug}`}
            className="truncate underline-offset-4 hover:underline"
            data-testid="reported-gpt-link"
          >
            {gpt.name}
          </Link>
          <GptStateBadge status={gpt.status} />
        </Heading>
        <span className="truncate text-xs text-muted-foreground">by {gpt.creatorName}</span>
      </div>
    </div>
  );
}

export function GptStateBadge({ status }: { status: ReportedGptSummary["status"] }) {
  const badge = moderationBadge(status);
  if (!badge) return null;
  return (
    <Badge variant={badge.variant} title={badge.description} data-testid="gpt-state-badge">
      {badge.label}
    </Badge>
  );
}

const OUTCOME = {
  OPEN: { label: "Open", variant: "outline" },
  DISMISSED: { label: "Dismissed", variant: "secondary" },
  UNLISTED: { label: "Unlisted", variant: "warning" },
  REMOVED: { label: "Removed", variant: "destructive" },
} as const;

/** A report's outcome, who closed it and when. */
export function ReportOutcome({ report }: { report: ReportDetail }) {
  const outcome = OUTCOME[report.status];
  return (
    <span className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
      <Badge variant={outcome.variant}>{outcome.label}</Badge>
      {report.resolvedByName ? <span>by {report.resolvedByName}</span> : null}
      {report.resolvedAt ? <ReportTime iso={report.resolvedAt} /> : null}
    </span>
  );
}

export function Reporter({ reporter }: { reporter: ReportDetail["reporter"] }) {
  return (
    // Long addresses wrap anywhere, so they never widen the card past a phone screen.
    <span className="min-w-0 wrap-anywhere">
      {reporter.name ?? reporter.email}
      {reporter.name ? <span className="text-muted-foreground"> · {reporter.email}</span> : null}
    </span>
  );
}

/** "Unlisted 2 h ago by Alice: <reason>" with the appeal's state. */
export function DecisionLine({ decision }: { decision: DecisionSummary }) {
  return (
    <div
      className="grid gap-1 rounded-lg bg-muted/60 px-3 py-2 text-sm"
      data-testid="latest-decision"
    >
      <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-xs text-muted-foreground">
        <span className="font-medium text-foreground">{DECISION_KIND_LABELS[decision.kind]}</span>
        <ReportTime iso={decision.decidedAt} />
        {decision.decidedByName ? <span>by {decision.decidedByName}</span> : null}
        {decision.appealStatus ? (
          <Badge variant={decision.appealStatus === "PENDING" ? "warning" : "secondary"}>
            {APPEAL_STATUS_LABELS[decision.appealStatus]}
          </Badge>
        ) : null}
      </p>
      <p className="wrap-anywhere whitespace-pre-line">{decision.reason}</p>
    </div>
  );
}
