"use client";

import { CalendarClock } from "lucide-react";
import { useState } from "react";
import { longDate, monthName } from "@/components/payouts/earnings-format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { type AdminEarningsJson, useCloseMonth } from "@/lib/payouts/admin-hooks";

/** "2026-12" for the running UTC month (previewable, not closable). */
const runningMonth = () => new Date().toISOString().slice(0, 7);

/** Ended months not closed yet: preview each, or close it now instead of waiting for the job. */
export function PendingMonths({
  pending,
  onPreview,
}: {
  pending: AdminEarningsJson["pendingMonths"];
  onPreview: (month: string) => void;
}) {
  const close = useCloseMonth();
  const [confirming, setConfirming] = useState<string | null>(null);
  const earlier = (month: string) => pending.filter((item) => item.month < month).length;
  return (
    <section aria-labelledby="pending-heading" className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h2 id="pending-heading" className="text-lg font-semibold tracking-tight">
            Months waiting to close
          </h2>
          <p className="text-sm text-muted-foreground">
            The scheduled job closes each month a few days after it ends, so late payment
            notifications still count. Preview exactly what a close books, or close a month now.
          </p>
        </div>
        <Button variant="outline" onClick={() => onPreview(runningMonth())}>
          Preview this month so far
        </Button>
      </div>
      {close.data?.length === 0 ? (
        <Alert variant="info" role="status" data-testid="close-result">
          <AlertDescription>
            <p>Nothing to close: that month is already closed or had no payments.</p>
          </AlertDescription>
        </Alert>
      ) : close.data ? (
        <Alert variant="success" role="status" data-testid="close-result">
          <AlertDescription>
            <p>
              {close.data
                .map((result) =>
                  result.status === "closed"
                    ? `${monthName(result.month)} closed.`
                    : `${monthName(result.month)} was already closed.`,
                )
                .join(" ")}{" "}
              Statements are written and the creators' balances are updated.
            </p>
          </AlertDescription>
        </Alert>
      ) : null}
      {close.error ? (
        <p role="alert" className="text-sm text-destructive">
          {close.error.message}
        </p>
      ) : null}
      {pending.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          No ended month is waiting to close.
        </p>
      ) : (
        <ul className="grid gap-2">
          {pending.map((item) => (
            <li
              key={item.month}
              className="flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-xs sm:flex-row sm:items-center sm:justify-between"
              data-testid={`pending-${item.month}`}
            >
              <div className="flex items-start gap-3">
                <CalendarClock
                  aria-hidden
                  className="mt-0.5 size-4 shrink-0 text-muted-foreground"
                />
                <div className="grid gap-0.5">
                  <p className="font-medium">{monthName(item.month)}</p>
                  <p className="text-sm text-muted-foreground">
                    Closes automatically on {longDate(item.closesAutomaticallyAt)}.
                  </p>
                </div>
              </div>
              <div className="flex flex-wrap gap-2">
                <Button variant="outline" onClick={() => onPreview(item.month)}>
                  Preview<span className="sr-only"> {monthName(item.month)}</span>
                </Button>
                <Button
                  isLoading={close.isPending && close.variables === item.month}
                  disabled={close.isPending}
                  onClick={() => setConfirming(item.month)}
                >
                  Close month<span className="sr-only"> {monthName(item.month)}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <AlertDialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? null : setConfirming(null))}
      >
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              Close {confirming ? monthName(confirming) : "the month"}?
            </AlertDialogTitle>
            <AlertDialogDescription>
              Closing writes every creator's statement and moves the pool to their balances, in one
              booking that cannot be undone. Payments or refunds that arrive later count in the
              month they arrive.
              {confirming && earlier(confirming) > 0
                ? ` The ${earlier(confirming)} earlier month${earlier(confirming) === 1 ? "" : "s"} still open close${earlier(confirming) === 1 ? "s" : ""} first.`
                : ""}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() => {
                if (confirming) close.mutate(confirming);
              }}
            >
              Close month
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </section>
  );
}
