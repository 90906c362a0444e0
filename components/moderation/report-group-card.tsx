"use client";

import { Check, ChevronDown } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useResolveReport } from "@/lib/moderation/hooks";
import type { ReportDetail, ReportGroup } from "@/lib/moderation/schemas";
import { cn } from "@/lib/utils/cn";
import { ReportGroupActions } from "./report-group-actions";
import { DecisionLine, ReportedGpt, Reporter, ReportOutcome, ReportTime } from "./report-parts";

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * One reported GPT: how many reports, for which reasons, since when; its latest decision; the
 * actions; and the reports themselves behind a disclosure button.
 */
export function ReportGroupCard({ group, view }: { group: ReportGroup; view: "open" | "closed" }) {
  const listId = useId();
  const [isExpanded, setIsExpanded] = useState(false);
  const isOpen = view === "open";
  const count = isOpen ? group.openCount : group.reportCount;
  return (
    <li
      className="grid min-w-0 gap-3 rounded-xl border bg-card p-4 text-sm shadow-xs"
      data-testid="report-group"
      data-gpt-id={group.gpt.id}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <ReportedGpt gpt={group.gpt} />
        <p
          className={cn(
            "shrink-0 text-sm font-medium",
            isOpen && count > 1 ? "text-destructive" : "text-foreground",
          )}
          data-testid="report-group-count"
        >
          {plural(
            count,
            isOpen ? "open report" : "closed report",
            isOpen ? "open reports" : "closed reports",
          )}
        </p>
      </div>

      <ul className="flex flex-wrap gap-1.5" aria-label="Reasons">
        {group.reasons.map((reason) => (
          <li key={reason.reason}>
            <Badge variant="outline">
              {reason.label}
              <span className="rounded-full bg-muted px-1.5 tabular-nums">{reason.count}</span>
            </Badge>
          </li>
        ))}
      </ul>

      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span>
          First reported <ReportTime iso={group.firstReportedAt} />
        </span>
        {group.latestReportedAt !== group.firstReportedAt ? (
          <span>
            Latest <ReportTime iso={group.latestReportedAt} />
          </span>
        ) : null}
        {group.lastClosedAt ? (
          <span>
            Closed <ReportTime iso={group.lastClosedAt} />
          </span>
        ) : null}
        {!isOpen && group.openCount > 0 ? (
          <span className="font-medium text-destructive">
            {plural(group.openCount, "new open report", "new open reports")}
          </span>
        ) : null}
      </p>

      {group.latestDecision ? <DecisionLine decision={group.latestDecision} /> : null}

      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button
          variant="ghost"
          size="sm"
          className="-ml-2"
          aria-expanded={isExpanded}
          aria-controls={listId}
          onClick={() => setIsExpanded((value) => !value)}
        >
          <ChevronDown
            aria-hidden="true"
            className={cn("transition-transform", isExpanded && "rotate-180")}
          />
          {isExpanded ? "Hide reports" : `Show ${count === 1 ? "the report" : `${count} reports`}`}
        </Button>
        <ReportGroupActions group={group} view={view} />
      </div>

      <ul
        id={listId}
        hidden={!isExpanded}
        className="grid divide-y rounded-lg border"
        aria-label="Reports"
      >
        {group.reports.map((report) => (
          <ReportItem key={report.id} report={report} gptName={group.gpt.name} />
        ))}
        {group.reports.length < count ? (
          <li className="px-3 py-2 text-xs text-muted-foreground">
            The {group.reports.length} most recent are listed.
          </li>
        ) : null}
      </ul>
    </li>
  );
}

function ReportItem({ report, gptName }: { report: ReportDetail; gptName: string }) {
  const resolve = useResolveReport();
  async function dismiss() {
    try {
      await resolve.mutateAsync({ reportId: report.id, input: { action: "dismiss" } });
      toast.success(`Report about ${gptName} dismissed.`);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The report could not be dismissed.");
    }
  }
  return (
    <li className="grid min-w-0 gap-1.5 px-3 py-2.5" data-testid="report-item">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <Badge variant="outline">{report.reasonLabel}</Badge>
          <Reporter reporter={report.reporter} />
        </span>
        <span className="text-xs text-muted-foreground">
          <ReportTime iso={report.createdAt} />
        </span>
      </div>
      <p className="wrap-anywhere whitespace-pre-line text-muted-foreground">{report.details}</p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {report.status === "OPEN" ? (
          <Button
            size="sm"
            variant="ghost"
            className="-ml-2"
            isLoading={resolve.isPending}
            onClick={dismiss}
            aria-label={`Dismiss report by ${report.reporter.name ?? report.reporter.email}`}
          >
            <Check aria-hidden="true" />
            Dismiss this report
          </Button>
        ) : (
          <ReportOutcome report={report} />
        )}
      </div>
    </li>
  );
}
