"use client";

import { Gavel, RotateCcw, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { useDecideAppeal, usePendingAppeals } from "@/lib/moderation/hooks";
import { DECISION_KIND_LABELS } from "@/lib/moderation/labels";
import type { AppealsPage, PendingAppeal } from "@/lib/moderation/schemas";
import { MODERATION_REASON_LIMITS } from "@/lib/moderation/schemas";
import { ReportedGpt, ReportTime } from "./report-parts";
import { ReasonDialog } from "./report-reason-dialog";

/** Pending appeals, oldest first: the decision, its reason, the creator's appeal, and the answer. */
export function AppealsQueue({ initialPage }: { initialPage?: AppealsPage }) {
  const query = usePendingAppeals(initialPage);
  if (query.isError && !query.data) {
    return (
      <LoadErrorAlert
        title="Appeals could not be loaded"
        message={query.error.message}
        isRetrying={query.isRefetching}
        onRetry={() => query.refetch()}
      />
    );
  }
  const appeals = query.data?.appeals;
  if (!appeals) return <p className="text-sm text-muted-foreground">Loading appeals…</p>;
  return (
    <div className="grid gap-3">
      {query.isError ? (
        <InlineRetryError
          message="The appeals could not be refreshed."
          onRetry={() => query.refetch()}
        />
      ) : null}
      {appeals.length === 0 ? (
        <EmptyState
          icon={Gavel}
          title="No pending appeals"
          description="When a creator appeals a rejection, unlisting or removal, it shows up here."
        />
      ) : (
        <ul className="grid gap-3" aria-label="Pending appeals">
          {appeals.map((appeal) => (
            <AppealCard key={appeal.decision.id} appeal={appeal} />
          ))}
        </ul>
      )}
    </div>
  );
}

const OUTCOME_COPY = {
  uphold: {
    title: "Uphold the decision?",
    description: "The GPT stays as it is. The creator gets your reply.",
    submit: "Uphold decision",
    done: "Decision upheld",
  },
  reverse: {
    title: "Reverse the decision?",
    description:
      "The GPT becomes active again: it works for the people its creator shares it with, and a public GPT returns to the store. The creator gets your reply.",
    submit: "Reverse decision",
    done: "Decision reversed",
  },
} as const;

function AppealCard({ appeal }: { appeal: PendingAppeal }) {
  const [outcome, setOutcome] = useState<"uphold" | "reverse" | null>(null);
  const decide = useDecideAppeal();
  const { decision, gpt } = appeal;

  async function submit(reply: string) {
    if (!outcome) return;
    await decide.mutateAsync({ decisionId: decision.id, input: { outcome, reply } });
    setOutcome(null);
    toast.success(`${OUTCOME_COPY[outcome].done}: ${gpt.name}.`);
  }

  return (
    <li
      className="grid min-w-0 gap-3 rounded-xl border bg-card p-4 text-sm shadow-xs"
      data-testid="appeal-card"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <ReportedGpt gpt={gpt} />
        <span className="text-xs text-muted-foreground">
          Appealed <ReportTime iso={appeal.appealedAt} />
        </span>
      </div>
      <div className="grid gap-1 rounded-lg bg-muted/60 px-3 py-2">
        <p className="text-xs text-muted-foreground">
          <span className="font-medium text-foreground">{DECISION_KIND_LABELS[decision.kind]}</span>{" "}
          <ReportTime iso={decision.decidedAt} />
          {decision.decidedByName ? ` by ${decision.decidedByName}` : null}
        </p>
        <p className="wrap-anywhere whitespace-pre-line">{decision.reason}</p>
      </div>
      <figure className="grid gap-1">
        <figcaption className="text-xs font-medium text-muted-foreground">
          The creator’s appeal
        </figcaption>
        <blockquote className="wrap-anywhere whitespace-pre-line border-l-2 pl-3">
          {appeal.appealText}
        </blockquote>
      </figure>
      <div className="flex flex-wrap gap-1.5">
        <Button
          size="sm"
          variant="outline"
          onClick={() => setOutcome("uphold")}
          aria-label={`Uphold the decision about ${gpt.name}`}
        >
          <ShieldCheck aria-hidden="true" />
          Uphold
        </Button>
        <Button
          size="sm"
          variant="outline"
          onClick={() => setOutcome("reverse")}
          aria-label={`Reverse the decision about ${gpt.name}`}
        >
          <RotateCcw aria-hidden="true" />
          Reverse
        </Button>
      </div>
      {outcome ? (
        <ReasonDialog
          key={outcome}
          open
          onOpenChange={(open) => !open && setOutcome(null)}
          copy={{
            title: OUTCOME_COPY[outcome].title,
            description: `${gpt.name}: ${OUTCOME_COPY[outcome].description}`,
            label: "Reply to the creator",
            hint: "The creator sees this reply in their notification and in the GPT's editor.",
            submit: OUTCOME_COPY[outcome].submit,
          }}
          fieldName="reply"
          minLength={MODERATION_REASON_LIMITS.min}
          maxLength={MODERATION_REASON_LIMITS.max}
          isPending={decide.isPending}
          onSubmit={submit}
        />
      ) : null}
    </li>
  );
}
