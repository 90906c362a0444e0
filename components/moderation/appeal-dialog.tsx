"use client";

import { toast } from "sonner";
import { useAppealDecision } from "@/lib/moderation/hooks";
import { DECISION_KIND_LABELS } from "@/lib/moderation/labels";
import { APPEAL_LIMITS, type DecisionSummary } from "@/lib/moderation/schemas";
import { ReasonDialog } from "./report-reason-dialog";

/** The creator's one appeal of a decision: why it should change, 20-2,000 characters. */
export function AppealDialog({
  gptId,
  decision,
  open,
  onOpenChange,
}: {
  gptId: string;
  decision: DecisionSummary;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const appeal = useAppealDecision();
  async function submit(text: string) {
    await appeal.mutateAsync({ gptId, input: { decisionId: decision.id, text } });
    onOpenChange(false);
    toast.success("Appeal sent. A moderator will answer; you'll get a notification.");
  }
  return (
    <ReasonDialog
      open={open}
      onOpenChange={onOpenChange}
      copy={{
        title: "Appeal this decision",
        description:
          "A moderator reviews your appeal and answers. You can appeal each decision once, so include everything that matters.",
        label: "Why should the decision change?",
        placeholder: "What the moderators may have missed, or what you changed since",
        submit: "Send appeal",
      }}
      fieldName="text"
      minLength={APPEAL_LIMITS.min}
      maxLength={APPEAL_LIMITS.max}
      isPending={appeal.isPending}
      onSubmit={submit}
    >
      <div className="grid gap-1 rounded-lg bg-muted/60 px-3 py-2 text-sm">
        <p className="text-xs font-medium text-muted-foreground">
          {DECISION_KIND_LABELS[decision.kind]}: the moderators’ reason
        </p>
        <p className="wrap-anywhere whitespace-pre-line">{decision.reason}</p>
      </div>
    </ReasonDialog>
  );
}
