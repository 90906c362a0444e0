"use client";

import { Inbox } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { TableHead, TableScroller, tdClasses } from "@/components/admin/table-scroller";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { PageHeader } from "@/components/ui/page-header";
import { useOutbox } from "@/lib/mail/outbox-hooks";
import type { OutboxEmailRow, OutboxPage, OutboxStatus } from "@/lib/mail/outbox-schemas";
import { cn } from "@/lib/utils/cn";
import { OutboxEmailDialog } from "./outbox-email-dialog";
import { EmailTime, OutboxStatusBadge, statusLabel } from "./outbox-parts";

const FILTERS: (OutboxStatus | null)[] = [null, "LOGGED", "QUEUED", "SENT", "FAILED"];

/** Admin → Outbox: every mail the app wrote, newest first, filtered by status in the URL. */
export function OutboxView({ initialPage }: { initialPage: OutboxPage }) {
  const status = initialPage.status;
  const query = useOutbox(status, initialPage);
  const pages = query.data?.pages ?? [initialPage];
  const emails = pages.flatMap((page) => page.emails);
  const isSmtpConfigured = pages[0]?.isSmtpConfigured ?? initialPage.isSmtpConfigured;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = emails.find((email) => email.id === selectedId) ?? null;

  return (
    <div className="grid gap-6">
      <PageHeader
        className="pb-0"
        title="Outbox"
        description="Every email the app sends. Delivered mail keeps only its recipient, subject and kind: its body is erased so links meant for someone else (password resets, email confirmations) stay private."
      />
      {isSmtpConfigured ? null : (
        <Alert variant="warning" data-testid="outbox-smtp-banner">
          <AlertTitle>Mail is not being sent: set SMTP_URL.</AlertTitle>
          <AlertDescription>
            <p>
              Until then, emails are kept here and in the server log. Open one to read it, links
              included, and pass it on to the person it was meant for.
            </p>
          </AlertDescription>
        </Alert>
      )}
      <nav
        aria-label="Email status"
        className="flex w-fit max-w-full gap-1 overflow-x-auto rounded-lg bg-muted p-1"
      >
        {FILTERS.map((filter) => (
          <FilterTab key={filter ?? "all"} filter={filter} isCurrent={filter === status} />
        ))}
      </nav>
      {query.isError && query.data && !query.isFetchNextPageError ? (
        // What is on screen may be out of date (a mail still shown as queued).
        <InlineRetryError
          message="The outbox could not be refreshed."
          onRetry={() => query.refetch()}
        />
      ) : null}
      {query.isError && !query.data ? (
        <LoadErrorAlert
          title="The outbox could not be loaded"
          message={query.error.message}
          isRetrying={query.isRefetching}
          onRetry={() => query.refetch()}
        />
      ) : emails.length === 0 ? (
        <EmptyState
          icon={Inbox}
          title={status ? `No ${statusLabel(status).toLowerCase()} emails` : "No emails yet"}
          description="Emails the app sends (email confirmations, password resets, invitations) are listed here."
        />
      ) : (
        <>
          <OutboxTable emails={emails} onOpen={setSelectedId} />
          <ul className="grid gap-3 md:hidden" aria-label="Emails">
            {emails.map((email) => (
              <OutboxCard key={email.id} email={email} onOpen={setSelectedId} />
            ))}
          </ul>
          {query.isFetchNextPageError ? (
            <InlineRetryError
              message="Older emails could not be loaded."
              onRetry={() => query.fetchNextPage()}
            />
          ) : null}
          {query.hasNextPage ? (
            <div>
              <Button
                type="button"
                variant="outline"
                isLoading={query.isFetchingNextPage}
                onClick={() => query.fetchNextPage()}
              >
                Load older emails
              </Button>
            </div>
          ) : null}
        </>
      )}
      <OutboxEmailDialog
        email={selected}
        onOpenChange={(isOpen) => {
          if (!isOpen) setSelectedId(null);
        }}
      />
    </div>
  );
}

function FilterTab({ filter, isCurrent }: { filter: OutboxStatus | null; isCurrent: boolean }) {
  return (
    <Link
      href={filter ? `/admin/outbox?status=${filter.toLowerCase()}` : "/admin/outbox"}
      aria-current={isCurrent ? "page" : undefined}
      className={cn(
        "inline-flex shrink-0 items-center rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
        isCurrent
          ? "bg-background text-foreground shadow-xs"
          : "text-muted-foreground hover:text-foreground",
      )}
    >
      {filter ? statusLabel(filter) : "All"}
    </Link>
  );
}

/** The subject opens the details; a button, so keyboard and screen-reader users get it too. */
function SubjectButton({ email, onOpen }: { email: OutboxEmailRow; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      onClick={() => onOpen(email.id)}
      className="rounded-sm text-left font-medium wrap-anywhere underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
      data-testid="outbox-open-email"
    >
      {email.subject}
    </button>
  );
}

function OutboxTable({
  emails,
  onOpen,
}: {
  emails: OutboxEmailRow[];
  onOpen: (id: string) => void;
}) {
  return (
    <TableScroller label="Emails table" className="hidden md:block">
      <table className="w-full text-sm">
        <caption className="sr-only">Emails, newest first</caption>
        <TableHead
          columns={[{ label: "To" }, { label: "Subject" }, { label: "Status" }, { label: "When" }]}
        />
        <tbody className="divide-y">
          {emails.map((email) => (
            <tr key={email.id} data-testid="outbox-row">
              <td className={cn(tdClasses, "max-w-56 truncate")} title={email.to}>
                {email.to}
              </td>
              <td className={cn(tdClasses, "min-w-64")}>
                <div className="grid gap-0.5">
                  <SubjectButton email={email} onOpen={onOpen} />
                  <span className="text-xs text-muted-foreground">{email.kindLabel}</span>
                </div>
              </td>
              <td className={tdClasses}>
                <OutboxStatusBadge status={email.status} />
              </td>
              <td className={cn(tdClasses, "whitespace-nowrap text-muted-foreground")}>
                <EmailTime iso={email.sentAt ?? email.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

function OutboxCard({ email, onOpen }: { email: OutboxEmailRow; onOpen: (id: string) => void }) {
  return (
    <li className="grid gap-2 rounded-xl border bg-card p-4 text-sm" data-testid="outbox-card">
      <div className="flex items-start justify-between gap-3">
        <SubjectButton email={email} onOpen={onOpen} />
        <OutboxStatusBadge status={email.status} />
      </div>
      <p className="truncate text-muted-foreground" title={email.to}>
        To {email.to}
      </p>
      <p className="flex flex-wrap justify-between gap-2 text-xs text-muted-foreground">
        <span>{email.kindLabel}</span>
        <EmailTime iso={email.sentAt ?? email.createdAt} />
      </p>
    </li>
  );
}
