"use client";

import { Check, EyeOff, RotateCcw, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useModerateGpt } from "@/lib/moderation/hooks";
import type { GptModerationAction, ReportGroup } from "@/lib/moderation/schemas";
import { MODERATION_REASON_LIMITS } from "@/lib/moderation/schemas";
import { ReasonDialog, type ReasonDialogCopy } from "./report-reason-dialog";

const CREATOR_SEES = "The creator sees this reason in their notification and in the GPT's editor.";

function copyFor(action: GptModerationAction, name: string, openCount: number): ReasonDialogCopy {
  const closes =
    openCount === 0
      ? ""
      : ` This closes ${openCount === 1 ? "its open report" : `all ${openCount} open reports about it`}.`;
  switch (action) {
    case "dismiss":
      return {
        title: `Dismiss the reports about ${name}?`,
        description: `The GPT stays as it is.${closes}`,
        label: "Note for the audit log",
        placeholder: "Why these reports need no action",
        submit: openCount === 1 ? "Dismiss report" : "Dismiss all",
      };
    case "unlist":
      return {
        title: `Unlist ${name}?`,
        description: `It leaves the store, search and category pages, but keeps working for anyone with its link.${closes}`,
        label: "Reason for the creator",
        hint: CREATOR_SEES,
        placeholder: "What breaks the rules, and what would have to change",
        submit: "Unlist GPT",
      };
    case "remove":
      return {
        title: `Remove ${name}?`,
        description: `Nobody but its creator can open it or chat with it any more; its page answers “not found”.${closes}`,
        label: "Reason for the creator",
        hint: CREATOR_SEES,
        placeholder: "What breaks the rules",
        submit: "Remove GPT",
        variant: "destructive",
      };
    case "restore":
      return {
        title: `Restore ${name}?`,
        description:
          "It works again for everyone its creator shares it with; a public GPT returns to the store.",
        label: "Reason for the creator",
        hint: CREATOR_SEES,
        placeholder: "Why the earlier decision is lifted",
        submit: "Restore GPT",
      };
  }
}

const DONE = {
  dismiss: "reports dismissed",
  unlist: "is unlisted",
  remove: "was removed",
  restore: "was restored",
} as const;

/**
 * The actions on one reported GPT. Dismiss all takes an optional note; Unlist, Remove and Restore
 * need a reason the creator is shown (at least 10 characters).
 */
export function ReportGroupActions({
  group,
  view,
}: {
  group: ReportGroup;
  view: "open" | "closed";
}) {
  const [action, setAction] = useState<GptModerationAction | null>(null);
  const moderate = useModerateGpt();
  const { gpt, openCount } = group;
  const name = gpt.name;
  const isHidden = gpt.status === "UNLISTED" || gpt.status === "REMOVED";

  // mutateAsync, not mutate's callbacks: the refetch after success may drop this row, and
  // callbacks passed to mutate() are skipped once the component has unmounted (no toast).
  async function run(reason: string) {
    if (!action) return;
    const expectedStatus = gpt.status;
    const input =
      action === "dismiss"
        ? { action, reason: reason || undefined, expectedStatus }
        : { action, reason, expectedStatus };
    const { result } = await moderate.mutateAsync({ gptId: gpt.id, input });
    const closed = result.closedReportIds.length;
    setAction(null);
    toast.success(
      action === "dismiss"
        ? `${closed} report${closed === 1 ? "" : "s"} about ${name} dismissed.`
        : `${name} ${DONE[action]}.${closed > 0 ? ` ${closed} report${closed === 1 ? "" : "s"} closed.` : ""}`,
    );
  }

  const buttons: { action: GptModerationAction; label: string; icon: typeof Check }[] = [];
  if (view === "open" && openCount > 0) {
    buttons.push({
      action: "dismiss",
      label: openCount === 1 ? "Dismiss" : "Dismiss all",
      icon: Check,
    });
  }
  if (view === "open" && !isHidden)
    buttons.push({ action: "unlist", label: "Unlist", icon: EyeOff });
  if (gpt.status !== "REMOVED" && (view === "open" || gpt.status === "UNLISTED")) {
    buttons.push({ action: "remove", label: "Remove", icon: Trash2 });
  }
  if (isHidden) buttons.push({ action: "restore", label: "Restore", icon: RotateCcw });
  if (buttons.length === 0) return null;

  const ariaLabel = (entry: (typeof buttons)[number]) =>
    entry.action === "dismiss"
      ? `Dismiss ${openCount === 1 ? "the report" : `all ${openCount} reports`} about ${name}`
      : `${entry.label} ${name}`;
  return (
    <div className="flex flex-wrap gap-1.5">
      {buttons.map((entry) => (
        <Button
          key={entry.action}
          size="sm"
          variant="outline"
          className={
            entry.action === "remove" ? "text-destructive hover:text-destructive" : undefined
          }
          disabled={moderate.isPending}
          onClick={() => setAction(entry.action)}
          aria-label={ariaLabel(entry)}
        >
          <entry.icon aria-hidden="true" />
          {entry.label}
        </Button>
      ))}
      {action ? (
        <ReasonDialog
          key={action}
          open
          onOpenChange={(open) => !open && setAction(null)}
          copy={copyFor(action, name, action === "restore" ? 0 : openCount)}
          minLength={action === "dismiss" ? 0 : MODERATION_REASON_LIMITS.min}
          maxLength={MODERATION_REASON_LIMITS.max}
          isRequired={action !== "dismiss"}
          isPending={moderate.isPending}
          onSubmit={run}
        />
      ) : null}
    </div>
  );
}
