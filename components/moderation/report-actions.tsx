"use client";

import { Check, EyeOff, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useResolveReport } from "@/lib/moderation/hooks";
import type { AdminReportRow, ReportAction } from "@/lib/moderation/schemas";

const CONFIRM = {
  unlist: {
    title: "Unlist this GPT?",
    body: "It leaves the store, search and category pages, but keeps working for anyone with its link.",
    button: "Unlist GPT",
    done: "is unlisted",
  },
  remove: {
    title: "Remove this GPT?",
    body: "Nobody but its creator can open it or chat with it any more. Its page answers “not found”.",
    button: "Remove GPT",
    done: "was removed",
  },
} as const;

/** Dismiss (this report only) at once; Unlist and Remove (every open report of the GPT) after a confirmation. */
export function ReportActions({ report }: { report: AdminReportRow }) {
  const [confirming, setConfirming] = useState<"unlist" | "remove" | null>(null);
  const resolve = useResolveReport();
  const name = report.gpt.name;

  // mutateAsync, not mutate's callbacks: the refetch after success drops this report's row, and
  // callbacks passed to mutate() are skipped once the component has unmounted (no toast).
  async function run(action: ReportAction) {
    try {
      const { result } = await resolve.mutateAsync({ reportId: report.id, action });
      setConfirming(null);
      if (action === "dismiss") {
        toast.success(`Report about ${name} dismissed.`);
        return;
      }
      const closed = result.closedReportIds.length;
      toast.success(
        `${name} ${CONFIRM[action].done}. ${closed} report${closed === 1 ? "" : "s"} closed.`,
      );
    } catch (error) {
      setConfirming(null);
      toast.error(error instanceof Error ? error.message : "The report could not be resolved.");
    }
  }

  const isBusy = resolve.isPending;
  const copy = confirming ? CONFIRM[confirming] : null;
  const count = report.gpt.openReportCount;
  return (
    <div className="flex flex-wrap gap-1.5 md:justify-end lg:flex-nowrap">
      <Button
        size="sm"
        variant="outline"
        disabled={isBusy}
        isLoading={isBusy && resolve.variables?.action === "dismiss"}
        onClick={() => run("dismiss")}
        aria-label={`Dismiss report about ${name}`}
      >
        <Check aria-hidden="true" />
        Dismiss
      </Button>
      {report.gpt.status !== "UNLISTED" && report.gpt.status !== "REMOVED" ? (
        <Button
          size="sm"
          variant="outline"
          disabled={isBusy}
          onClick={() => setConfirming("unlist")}
          aria-label={`Unlist ${name}`}
        >
          <EyeOff aria-hidden="true" />
          Unlist
        </Button>
      ) : null}
      <Button
        size="sm"
        variant="outline"
        className="text-destructive hover:text-destructive"
        disabled={isBusy}
        onClick={() => setConfirming("remove")}
        aria-label={`Remove ${name}`}
      >
        <Trash2 aria-hidden="true" />
        Remove
      </Button>
      <AlertDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && !isBusy && setConfirming(null)}
      >
        {copy && confirming ? (
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{copy.title}</AlertDialogTitle>
              <AlertDialogDescription>
                {name}: {copy.body} This closes{" "}
                {count === 1 ? "its open report" : `all ${count} open reports about it`}.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel disabled={isBusy}>Cancel</AlertDialogCancel>
              <Button
                variant={confirming === "remove" ? "destructive" : "default"}
                isLoading={isBusy}
                onClick={() => run(confirming)}
              >
                {copy.button}
              </Button>
            </AlertDialogFooter>
          </AlertDialogContent>
        ) : null}
      </AlertDialog>
    </div>
  );
}
