"use client";

import { Plug, RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
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
      <Alert variant="destructive" data-testid="actions-error">
        <AlertTitle>The actions could not be loaded</AlertTitle>
        <AlertDescription className="text-destructive">
          <p>{query.error.message}</p>
          <div>
            <Button
              type="button"
              size="sm"
              variant="outline"
              className="mt-1"
              isLoading={query.isFetching}
              onClick={() => void query.refetch()}
            >
              {query.isFetching ? null : <RefreshCw aria-hidden="true" />}
              Try again
            </Button>
          </div>
        </AlertDescription>
      </Alert>
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
