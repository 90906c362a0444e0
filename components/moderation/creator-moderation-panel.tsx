"use client";

import { Gavel, Send } from "lucide-react";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useGptModerationState, useResubmitGpt } from "@/lib/moderation/hooks";
import type { GptModerationState } from "@/lib/moderation/schemas";
import { MODERATION_REASON_LIMITS } from "@/lib/moderation/schemas";
import { AppealDialog } from "./appeal-dialog";
import { ReportTime } from "./report-parts";
import { ReasonDialog } from "./report-reason-dialog";

type Decision = NonNullable<GptModerationState["latestDecision"]>;

/** The decision's reason, when the latest decision is the one that put the GPT in this state. */
function reasonFor(state: GptModerationState, kind: Decision["kind"]): string | null {
  return state.latestDecision?.kind === kind ? state.latestDecision.reason : null;
}

function Reason({ label, reason }: { label: string; reason: string | null }) {
  if (!reason) return <p className="font-medium">{label}.</p>;
  return (
    <p className="wrap-anywhere whitespace-pre-line">
      <span className="font-medium">{label}:</span> {reason}
    </p>
  );
}

function copyFor(state: GptModerationState): {
  variant: "info" | "warning" | "destructive";
  title: string;
  body: ReactNode;
} | null {
  switch (state.status) {
    case "IN_REVIEW":
      return {
        variant: "info",
        title: "In review",
        body: (
          <>
            <p>
              In review: moderators check listings that go public in the store before they appear
              there. People with the link can already use it; you’ll get a notification when it’s
              decided.
              {state.pendingReview ? (
                <>
                  {" "}
                  Submitted <ReportTime iso={state.pendingReview.since} />.
                </>
              ) : null}
            </p>
            {state.pendingReview && state.pendingReview.flags.length > 0 ? (
              <div>
                <p>The automatic checks pointed out:</p>
                <ul className="list-disc pl-5">
                  {state.pendingReview.flags.map((flag) => (
                    <li key={`${flag.check}:${flag.message}`}>{flag.message}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ),
      };
    case "REJECTED":
      return {
        variant: "destructive",
        title: "Not listed in the store",
        body: (
          <>
            <Reason label="Rejected" reason={reasonFor(state, "REJECT")} />
            <p>
              People with the link can still use it. Change what the reason points out and resubmit
              it for review, or appeal if you think the decision is wrong.
            </p>
          </>
        ),
      };
    case "UNLISTED":
      return {
        variant: "warning",
        title: "Out of the store",
        body: (
          <>
            <Reason label="Unlisted by moderators" reason={reasonFor(state, "UNLIST")} />
            <p>People with the link can still use it. It is not in the store or in search.</p>
          </>
        ),
      };
    case "REMOVED":
      return {
        variant: "destructive",
        title: "Removed by moderators",
        body: (
          <>
            <Reason label="Removed" reason={reasonFor(state, "REMOVE")} />
            <p>
              Nobody but you can open it. You can still edit and preview the draft, but not publish
              it.
            </p>
          </>
        ),
      };
    default:
      return null;
  }
}

function AppealStatus({ decision }: { decision: Decision }) {
  const appeal = decision.appeal;
  if (!appeal) return null;
  if (appeal.status === "PENDING") {
    return (
      <p data-testid="appeal-status">
        You appealed <ReportTime iso={appeal.appealedAt} />. A moderator will answer; you’ll get a
        notification.
      </p>
    );
  }
  return (
    <p className="wrap-anywhere whitespace-pre-line" data-testid="appeal-status">
      <span className="font-medium">
        {appeal.status === "UPHELD" ? "Your appeal was declined" : "Your appeal was accepted"}
        {appeal.reply ? ":" : "."}
      </span>{" "}
      {appeal.reply}
    </p>
  );
}

/**
 * Under the editor's header: what moderation did to this GPT, in plain words, with the
 * moderators' reason, the appeal (once per decision) and, for a rejected listing, resubmitting.
 * Hidden while the GPT is active and no appeal is waiting.
 */
export function CreatorModerationPanel({ gptId }: { gptId: string }) {
  const query = useGptModerationState(gptId);
  const [dialog, setDialog] = useState<"appeal" | "resubmit" | null>(null);
  const resubmit = useResubmitGpt();
  const state = query.data;
  if (!state) return null;
  const decision = state.latestDecision;
  const isAppealPending = decision?.appeal?.status === "PENDING";
  const copy = copyFor(state);
  if (!copy && !isAppealPending) return null;

  async function sendResubmit(note: string) {
    await resubmit.mutateAsync({ gptId, note: note || undefined });
    setDialog(null);
    toast.success("Resubmitted. Moderators will review the listing again.");
  }

  return (
    <Alert
      id="moderation"
      variant={copy?.variant ?? "info"}
      className="scroll-mt-16 rounded-none border-x-0 border-t-0 px-4 sm:px-6"
      data-testid="creator-moderation-panel"
      role="region"
      aria-label="Moderation"
    >
      <AlertTitle>{copy?.title ?? "Appeal pending"}</AlertTitle>
      <AlertDescription className="text-current">
        {copy?.body}
        {decision ? <AppealStatus decision={decision} /> : null}
        {decision?.canAppeal || state.canResubmit ? (
          <div className="mt-1 flex flex-wrap gap-2">
            {state.canResubmit ? (
              <Button size="sm" onClick={() => setDialog("resubmit")}>
                <Send aria-hidden="true" />
                Resubmit for review
              </Button>
            ) : null}
            {decision?.canAppeal ? (
              <Button size="sm" variant="outline" onClick={() => setDialog("appeal")}>
                <Gavel aria-hidden="true" />
                Appeal
              </Button>
            ) : null}
          </div>
        ) : null}
      </AlertDescription>
      {decision?.canAppeal ? (
        <AppealDialog
          gptId={gptId}
          decision={decision}
          open={dialog === "appeal"}
          onOpenChange={(open) => setDialog(open ? "appeal" : null)}
        />
      ) : null}
      {state.canResubmit && dialog === "resubmit" ? (
        <ReasonDialog
          open
          onOpenChange={(open) => !open && setDialog(null)}
          copy={{
            title: "Resubmit for review",
            description:
              "Moderators review the listing as it is published now. Publish your changes first if you made any.",
            label: "Note for the moderators",
            placeholder: "What you changed",
            submit: "Resubmit",
          }}
          fieldName="note"
          isRequired={false}
          minLength={0}
          maxLength={MODERATION_REASON_LIMITS.max}
          isPending={resubmit.isPending}
          onSubmit={sendResubmit}
        />
      ) : null}
    </Alert>
  );
}
