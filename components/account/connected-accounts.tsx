"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plug } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
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
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { disconnectRequest, listConnectionsRequest } from "@/lib/gpt-actions/client/api-client";
import type { ActionConnectionView } from "@/lib/gpt-actions/types";

const connectionKeys = { all: ["action-connections"] as const };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

function useConnections() {
  return useQuery({
    queryKey: connectionKeys.all,
    queryFn: async () => (await listConnectionsRequest()).connections,
  });
}

function useDisconnect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connection: ActionConnectionView) => disconnectRequest(connection.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: connectionKeys.all }),
  });
}

/**
 * "Connected accounts": the services the user signed in to when a GPT's action asked (OAuth),
 * each with a Disconnect that forgets the stored tokens.
 */
export function ConnectedAccounts() {
  const connections = useConnections();
  const disconnect = useDisconnect();
  const [pending, setPending] = useState<ActionConnectionView | null>(null);

  function confirmDisconnect(connection: ActionConnectionView) {
    setPending(null);
    disconnect.mutate(connection, {
      onSuccess: () => toast.success(`Disconnected ${connection.domain}`),
      onError: (error) =>
        toast.error(`${connection.domain} was not disconnected. ${error.message}`),
    });
  }

  return (
    <div data-testid="connected-accounts">
      <PageHeader
        title="Connected accounts"
        description="Services you signed in to so a GPT could act for you. Disconnect one to revoke the GPT’s access; it asks you to sign in again next time."
      />
      {connections.isPending ? (
        <ul
          className="divide-y overflow-hidden rounded-xl border bg-card"
          aria-busy="true"
          aria-label="Loading connected accounts"
        >
          {[0, 1, 2].map((row) => (
            <li key={row} className="flex items-center gap-4 p-4">
              <div className="grid flex-1 gap-2">
                <Skeleton className="h-4 w-40" />
                <Skeleton className="h-3 w-64 max-w-full" />
              </div>
              <Skeleton className="h-8 w-24" />
            </li>
          ))}
        </ul>
      ) : connections.isError ? (
        <LoadErrorAlert
          title="Your connected accounts could not be loaded"
          message={connections.error.message}
          isRetrying={connections.isFetching}
          onRetry={() => void connections.refetch()}
        />
      ) : connections.data.length === 0 ? (
        <EmptyState
          icon={Plug}
          title="No connected accounts"
          description="When a GPT asks you to sign in to a service, the connection appears here."
        />
      ) : (
        <ul className="divide-y overflow-hidden rounded-xl border bg-card" aria-label="Connections">
          {connections.data.map((connection) => (
            <ConnectionRow
              key={connection.id}
              connection={connection}
              isDisconnecting={disconnect.isPending && disconnect.variables?.id === connection.id}
              onDisconnect={() => setPending(connection)}
            />
          ))}
        </ul>
      )}
      <AlertDialog
        open={pending !== null}
        onOpenChange={(open) => {
          if (!open) setPending(null);
        }}
      >
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Disconnect {pending?.domain}?</AlertDialogTitle>
            <AlertDialogDescription>
              {pending?.gptName} can no longer use your account on {pending?.domain}. It asks you to
              connect again the next time it needs to.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              onClick={() => pending && confirmDisconnect(pending)}
            >
              Disconnect
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}

function ConnectionRow({
  connection,
  isDisconnecting,
  onDisconnect,
}: {
  connection: ActionConnectionView;
  isDisconnecting: boolean;
  onDisconnect: () => void;
}) {
  return (
    <li
      className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
      data-testid="connection-row"
    >
      <div className="grid min-w-0 gap-1">
        <p className="truncate font-medium">{connection.domain}</p>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
          <span>For {connection.gptName}</span>
          <span aria-hidden>·</span>
          <span>
            Connected{" "}
            <time dateTime={connection.connectedAt}>
              {dateFormat.format(new Date(connection.connectedAt))}
            </time>
          </span>
        </p>
        {connection.scope ? (
          <ul className="flex flex-wrap gap-1" aria-label="Scope">
            {connection.scope
              .split(/[\s,]+/)
              .filter(Boolean)
              .map((scope) => (
                <li key={scope}>
                  <Badge variant="secondary" className="font-mono">
                    {scope}
                  </Badge>
                </li>
              ))}
          </ul>
        ) : null}
      </div>
      <Button
        variant="outline"
        size="sm"
        className="self-start sm:self-center"
        isLoading={isDisconnecting}
        onClick={onDisconnect}
        aria-label={`Disconnect ${connection.domain} for ${connection.gptName}`}
      >
        Disconnect
      </Button>
    </li>
  );
}
