"use client";

import { Flag, Inbox } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { TableHead, TableScroller, tdClasses } from "@/components/admin/table-scroller";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { PageHeader } from "@/components/ui/page-header";
import { useAdminReports } from "@/lib/moderation/hooks";
import type { AdminReportRow, AdminReportsPage } from "@/lib/moderation/schemas";
import { cn } from "@/lib/utils/cn";
import { ReportActions } from "./report-actions";
import { OpenCount, ReportedGpt, Reporter, ReportOutcome, ReportTime } from "./report-parts";

/** The admin reports queue: Open (act on them) and Closed (what was decided), as URL tabs. */
export function ReportsQueue({ initialPage }: { initialPage: AdminReportsPage }) {
  const filter = initialPage.filter;
  const query = useAdminReports(filter, initialPage);
  const page = query.data ?? initialPage;
  const isOpen = filter === "open";

  return (
    <div className="grid gap-6">
      <PageHeader
        className="pb-0"
        title="Reports"
        description="GPTs people reported. Dismiss a report, or unlist or remove the GPT: that answers every open report about it."
      />
      <nav aria-label="Report status" className="flex gap-1 rounded-lg bg-muted p-1 w-fit">
        <FilterTab href="/admin/reports" isCurrent={isOpen}>
          Open
          <Badge
            variant={page.openCount > 0 ? "destructive" : "secondary"}
            data-testid="open-report-count"
          >
            {page.openCount}
          </Badge>
        </FilterTab>
        <FilterTab href="/admin/reports?status=closed" isCurrent={!isOpen}>
          Closed
        </FilterTab>
      </nav>
      {query.isError && query.data ? (
        // What is on screen may be out of date (a resolved report still shown as open).
        <InlineRetryError
          message="The reports could not be refreshed."
          onRetry={() => query.refetch()}
        />
      ) : null}
      {query.isError && !query.data ? (
        <LoadErrorAlert
          title="Reports could not be loaded"
          message={query.error.message}
          isRetrying={query.isRefetching}
          onRetry={() => query.refetch()}
        />
      ) : page.reports.length === 0 ? (
        <EmptyState
          icon={isOpen ? Inbox : Flag}
          title={isOpen ? "No open reports" : "No closed reports yet"}
          description={
            isOpen
              ? "When someone reports a GPT, it shows up here."
              : "Reports you dismiss, or whose GPT you unlist or remove, are listed here."
          }
        />
      ) : (
        <>
          <ReportsTable reports={page.reports} isOpen={isOpen} />
          <ul
            className="grid gap-3 md:hidden"
            aria-label={isOpen ? "Open reports" : "Closed reports"}
          >
            {page.reports.map((report) => (
              <ReportCard key={report.id} report={report} isOpen={isOpen} />
            ))}
          </ul>
          {page.nextPage ? (
            <p className="text-sm text-muted-foreground">
              Showing the {page.reports.length} most recent. Close some to see older ones.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

function FilterTab({
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
        "inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
        isCurrent
          ? "bg-background text-foreground shadow-xs"
          : "text-muted-foreground hover:text-foreground",
      )}
    >
      {children}
    </Link>
  );
}

function ReportsTable({ reports, isOpen }: { reports: AdminReportRow[]; isOpen: boolean }) {
  return (
    <TableScroller label="Reports table" className="hidden md:block">
      <table className="w-full text-sm">
        <caption className="sr-only">
          {isOpen ? "Open reports, newest first" : "Closed reports"}
        </caption>
        <TableHead
          columns={[
            { label: "GPT" },
            { label: "Reason" },
            { label: "Reporter" },
            { label: "Reported" },
            {
              label: isOpen ? <span className="sr-only">Actions</span> : "Outcome",
              isNumeric: isOpen,
            },
          ]}
        />
        <tbody className="divide-y">
          {reports.map((report) => (
            <tr key={report.id} className="align-top" data-testid="report-row">
              <td className={cn(tdClasses, "w-64 max-w-64")}>
                <ReportedGpt gpt={report.gpt} />
              </td>
              <td className={cn(tdClasses, "min-w-56")}>
                <Badge variant="outline">{report.reasonLabel}</Badge>
                <p
                  className="mt-1.5 line-clamp-4 wrap-anywhere text-muted-foreground"
                  title={report.details}
                >
                  {report.details}
                </p>
              </td>
              <td className={cn(tdClasses, "max-w-48")}>
                <Reporter reporter={report.reporter} />
              </td>
              <td className={cn(tdClasses, "whitespace-nowrap")}>
                <div className="grid gap-0.5">
                  <ReportTime iso={report.createdAt} />
                  {isOpen ? <OpenCount count={report.gpt.openReportCount} /> : null}
                </div>
              </td>
              <td className={tdClasses}>
                {isOpen ? <ReportActions report={report} /> : <ReportOutcome report={report} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

function ReportCard({ report, isOpen }: { report: AdminReportRow; isOpen: boolean }) {
  return (
    <li className="grid gap-3 rounded-xl border bg-card p-4 text-sm" data-testid="report-card">
      <div className="flex items-start justify-between gap-3">
        <ReportedGpt gpt={report.gpt} />
        <span className="shrink-0 text-xs text-muted-foreground">
          <ReportTime iso={report.createdAt} />
        </span>
      </div>
      <div className="grid gap-1.5">
        <Badge variant="outline">{report.reasonLabel}</Badge>
        <p className="wrap-anywhere text-muted-foreground">{report.details}</p>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs">
        <span className="text-muted-foreground">
          Reported by {report.reporter.name ?? report.reporter.email}
        </span>
        {isOpen ? <OpenCount count={report.gpt.openReportCount} /> : null}
      </div>
      {isOpen ? <ReportActions report={report} /> : <ReportOutcome report={report} />}
    </li>
  );
}
