"use client";

import { Flag } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { CharacterCounter } from "@/components/reviews/character-counter";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/admin/api-client";
import { useReportGpt } from "@/lib/moderation/hooks";
import type { REPORT_REASONS } from "@/lib/moderation/report-reasons";
import { REPORT_LIMITS } from "@/lib/moderation/schemas";
import { ReportReasonList } from "./report-reason-list";

type Reason = (typeof REPORT_REASONS)[number]["value"];

/**
 * "Report" on a GPT page: a reason and details for the admins. Signed-out visitors get a link to
 * sign in (it comes back to the page). A second report while the first is open is refused and
 * says so.
 */
export function ReportGptButton({
  gptId,
  gptName,
  signInHref,
}: {
  gptId: string;
  gptName: string;
  /** Set for signed-out visitors. */
  signInHref?: string;
}) {
  if (signInHref) {
    return (
      <Button variant="outline" size="sm" asChild>
        <Link href={signInHref}>
          <Flag aria-hidden="true" />
          Sign in to report
        </Link>
      </Button>
    );
  }
  return <ReportDialog gptId={gptId} gptName={gptName} />;
}

function ReportDialog({ gptId, gptName }: { gptId: string; gptName: string }) {
  const detailsId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState<Reason | null>(null);
  const [details, setDetails] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const report = useReportGpt();

  function openChange(open: boolean) {
    if (report.isPending) return;
    setIsOpen(open);
    if (!open) {
      setErrors({});
      setConflict(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string[]> = {};
    if (!reason) local.reason = ["Choose a reason for your report."];
    if (!details.trim()) local.details = ["Tell us what is wrong with this GPT."];
    setErrors(local);
    if (!reason || Object.keys(local).length > 0) return;
    report.mutate(
      { gptId, input: { reason, details } },
      {
        onSuccess: () => {
          toast.success("Thanks — an admin will review your report.");
          setIsOpen(false);
          setReason(null);
          setDetails("");
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === "conflict") {
            setConflict(error.message);
            return;
          }
          if (error instanceof ApiError) setErrors(error.fieldErrors);
          toast.error(error.message);
        },
      },
    );
  }

  const detailsError = errors.details?.[0];
  return (
    <Dialog open={isOpen} onOpenChange={openChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Flag aria-hidden="true" />
          Report
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Report {gptName}</DialogTitle>
            <DialogDescription>
              Tell the admins what is wrong. Your report is private; the creator does not see who
              sent it.
            </DialogDescription>
          </DialogHeader>
          {conflict ? (
            <Alert data-testid="report-conflict">
              <AlertDescription>{conflict}</AlertDescription>
            </Alert>
          ) : null}
          <ReportReasonList
            value={reason}
            onChange={(next) => {
              setReason(next);
              setErrors(({ reason: _reason, ...rest }) => rest);
            }}
            error={errors.reason?.[0]}
            disabled={report.isPending}
          />
          <div className="grid gap-2">
            <div className="flex items-baseline justify-between gap-2">
              <Label htmlFor={detailsId}>Details</Label>
              <CharacterCounter
                id={`${detailsId}-counter`}
                length={details.trim().length}
                limit={REPORT_LIMITS.details}
                testId="report-details-counter"
              />
            </div>
            <Textarea
              id={detailsId}
              value={details}
              rows={4}
              required
              placeholder="What did you see? Links or examples help."
              onChange={(event) => {
                setDetails(event.target.value);
                if (detailsError) setErrors(({ details: _details, ...rest }) => rest);
              }}
              aria-describedby={
                detailsError ? `${detailsId}-counter ${detailsId}-error` : `${detailsId}-counter`
              }
              aria-invalid={detailsError ? true : undefined}
              disabled={report.isPending}
            />
            {detailsError ? (
              <p
                id={`${detailsId}-error`}
                role="alert"
                className="text-sm font-medium text-destructive"
              >
                {detailsError}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              onClick={() => openChange(false)}
              disabled={report.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" isLoading={report.isPending}>
              Send report
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
