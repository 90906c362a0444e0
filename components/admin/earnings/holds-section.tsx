"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { money, monthName, shortDate } from "@/components/payouts/earnings-format";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { type AdminEarningsJson, useResolveHold } from "@/lib/payouts/admin-hooks";
import { cn } from "@/lib/utils/cn";
import { TableHead, TableScroller, tdClasses } from "../table-scroller";

// Evidence runs to several lines: every cell starts at the top of the row.
const cell = cn(tdClasses, "align-top");

import { holdEvidence, holdReasonLabel } from "./hold-evidence";

type Hold = AdminEarningsJson["holds"][number];
type Decision = { hold: Hold; decision: "release" | "void" };

const STATUS = {
  OPEN: { label: "Open", variant: "warning" },
  RELEASED: { label: "Released", variant: "success" },
  VOIDED: { label: "Voided", variant: "destructive" },
} as const;

/** What each decision does, by kind of hold (resolve-hold.ts). */
function consequence({ hold, decision }: Decision): string {
  const amount = money(hold.amountMicros);
  if (hold.reason === "MODERATION") {
    return decision === "release"
      ? `${amount} moves from the held account to ${hold.creatorName}'s balance.`
      : `${amount} goes back to the platform; ${hold.creatorName} does not receive it.`;
  }
  return decision === "release"
    ? `${hold.creatorName}'s payouts continue; their balance is unchanged.`
    : `${amount} earned from the flagged activity is taken back from ${hold.creatorName}'s balance (which may go below zero and carries forward).`;
}

function DecisionDialog({ decision, onClose }: { decision: Decision | null; onClose: () => void }) {
  const noteId = useId();
  const resolve = useResolveHold();
  const [note, setNote] = useState("");
  const verb = decision?.decision === "void" ? "Void" : "Release";
  function submit() {
    if (!decision) return;
    resolve.mutate(
      { id: decision.hold.id, decision: decision.decision, note: note.trim() || undefined },
      {
        onSuccess: () => {
          toast.success(decision.decision === "void" ? "Hold voided." : "Hold released.");
          setNote("");
          onClose();
        },
      },
    );
  }
  return (
    <AlertDialog
      open={decision !== null}
      onOpenChange={(open) => {
        if (open) return;
        resolve.reset();
        onClose();
      }}
    >
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{verb} this hold?</AlertDialogTitle>
          <AlertDialogDescription>
            {decision
              ? `${holdReasonLabel(decision.hold.reason)}, ${monthName(decision.hold.month)}. ${consequence(decision)} The decision is final and recorded in the audit log.`
              : null}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <Field
          id={noteId}
          label="Note (optional)"
          description="Why you decided this, for the audit log."
        >
          <Textarea
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
        </Field>
        {resolve.error ? (
          <p role="alert" className="text-sm text-destructive">
            {resolve.error.message}
          </p>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          {/* Not an AlertDialogAction: the dialog stays open until the server has decided. */}
          <Button
            variant={decision?.decision === "void" ? "destructive" : "default"}
            isLoading={resolve.isPending}
            onClick={submit}
          >
            {verb} hold
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** Every hold, open ones first: who, which month, why in words, the evidence, and the decision. */
export function HoldsSection({ holds }: { holds: AdminEarningsJson["holds"] }) {
  const [decision, setDecision] = useState<Decision | null>(null);
  const open = holds.filter((hold) => hold.status === "OPEN").length;
  return (
    <section aria-labelledby="admin-holds-heading" className="grid gap-4">
      <div className="grid gap-1">
        <h2 id="admin-holds-heading" className="text-lg font-semibold tracking-tight">
          Holds {open > 0 ? <Badge variant="warning">{open} open</Badge> : null}
        </h2>
        <p className="text-sm text-muted-foreground">
          A removed GPT's share is held until you release it to the creator or void it. A fraud
          signal pauses the creator's payouts until you release it (payouts continue) or void it
          (the earnings from the flagged activity are taken back).
        </p>
      </div>
      {holds.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          No holds.
        </p>
      ) : (
        <TableScroller label="Holds table">
          <table className="w-full min-w-[56rem] text-sm">
            <caption className="sr-only">Earnings holds, open ones first</caption>
            <TableHead
              columns={[
                { label: "Creator" },
                { label: "Month" },
                { label: "Reason" },
                { label: "Amount", isNumeric: true },
                { label: "Evidence" },
                { label: "Decision" },
              ]}
            />
            <tbody className="divide-y">
              {holds.map((hold) => {
                const status = STATUS[hold.status];
                return (
                  <tr key={hold.id} data-testid={`hold-${hold.id}`}>
                    <th scope="row" className={`${cell} text-left font-medium whitespace-nowrap`}>
                      {hold.creatorName}
                    </th>
                    <td className={`${cell} whitespace-nowrap`}>{monthName(hold.month)}</td>
                    <td className={cell}>{holdReasonLabel(hold.reason)}</td>
                    <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>
                      {money(hold.amountMicros)}
                      <span className="block text-xs text-muted-foreground">
                        {hold.reason === "MODERATION" ? "held" : "at stake"}
                      </span>
                    </td>
                    <td className={`${cell} max-w-96 text-muted-foreground`}>
                      {holdEvidence(hold.reason, hold.details).map((line) => (
                        <p key={line} className="break-words">
                          {line}
                        </p>
                      ))}
                    </td>
                    <td className={cell}>
                      {hold.status === "OPEN" ? (
                        <div className="flex gap-2">
                          {/* aria-label, not sr-only text: absolute text escapes the scroller's clip. */}
                          <Button
                            size="sm"
                            aria-label={`Release hold of ${hold.creatorName}, ${monthName(hold.month)}`}
                            onClick={() => setDecision({ hold, decision: "release" })}
                          >
                            Release
                          </Button>
                          <Button
                            size="sm"
                            variant="outline"
                            aria-label={`Void hold of ${hold.creatorName}, ${monthName(hold.month)}`}
                            onClick={() => setDecision({ hold, decision: "void" })}
                          >
                            Void
                          </Button>
                        </div>
                      ) : (
                        <div className="grid gap-1">
                          <Badge variant={status.variant}>{status.label}</Badge>
                          {hold.resolvedAt ? (
                            <span className="text-xs text-muted-foreground">
                              {shortDate(hold.resolvedAt)}
                            </span>
                          ) : null}
                          {hold.resolutionNote ? (
                            <span className="max-w-60 text-xs">“{hold.resolutionNote}”</span>
                          ) : null}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroller>
      )}
      <DecisionDialog decision={decision} onClose={() => setDecision(null)} />
    </section>
  );
}
