"use client";

import { Plug } from "lucide-react";
import { toast } from "sonner";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { useActions, useDeleteAction } from "@/lib/gpt-actions/client/hooks";
import type { ActionView } from "@/lib/gpt-actions/types";
import { ActionCard } from "./action-card";
import { ActionsListSkeleton } from "./actions-list-skeleton";

/** The saved actions of a GPT as cards, with loading, error and empty states. */
export function ActionsList({
  gptId,
  onEdit,
}: {
  gptId: string;
  onEdit: (action: ActionView) => void;
}) {
  const query = useActions(gptId);
  const removeAction = useDeleteAction(gptId);

  if (query.isPending) return <ActionsListSkeleton />;
  if (query.isError) {
    return (
      <LoadErrorAlert
        title="The actions could not be loaded"
        message={query.error.message}
        isRetrying={query.isFetching}
        onRetry={() => void query.refetch()}
        testId="actions-error"
      />
    );
  }

  if (query.data.length === 0) {
    return (
      <EmptyState
        icon={Plug}
        titleAs="p"
        title="No actions yet"
        description="Actions let your GPT call APIs while it answers: look up an order, create a ticket, query your own service. Describe an API with an OpenAPI document, or connect an MCP server."
        className="py-8"
      />
    );
  }

  function remove(action: ActionView) {
    removeAction.mutate(action.id, {
      onSuccess: () => toast.success(`${action.name} removed.`),
      onError: (error) => toast.error(error.message),
    });
  }

  return (
    <ul aria-label="Actions" className="grid gap-3">
      {query.data.map((action) => (
        <ActionCard
          key={action.id}
          action={action}
          isRemoving={removeAction.isPending && removeAction.variables === action.id}
          onEdit={onEdit}
          onRemove={remove}
        />
      ))}
    </ul>
  );
}
