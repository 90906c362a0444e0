"use client";

import { type ReactNode, useState } from "react";
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
import { useRevokeApiKey } from "@/lib/api-keys/hooks";
import { API_KEY_SCOPE_LABELS, type ApiKeyView } from "@/lib/api-keys/schemas";
import {
  type ApiKeyStatus,
  apiKeyStatusOf,
  formatDay,
  formatMoment,
  maskedKey,
} from "./key-status";

const STATUS_BADGES: Record<
  ApiKeyStatus,
  { label: string; variant: "success" | "secondary" | "destructive" }
> = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "secondary" },
  revoked: { label: "Revoked", variant: "destructive" },
};

/** The user's keys, newest first: what each can do and when it was used; revoke with a confirm. */
export function ApiKeyList({ keys }: { keys: ApiKeyView[] }) {
  const revoke = useRevokeApiKey();
  const [pending, setPending] = useState<ApiKeyView | null>(null);
  const now = new Date();

  function confirmRevoke(key: ApiKeyView) {
    setPending(null);
    revoke.mutate(key.id, {
      onSuccess: () => toast.success(`“${key.name}” is revoked. Requests with it now fail.`),
      onError: (error) => toast.error(`The key was not revoked. ${error.message}`),
    });
  }

  return (
    <>
      <ul aria-label="API keys" className="divide-y overflow-hidden rounded-xl border bg-card">
        {keys.map((key) => {
          const status = apiKeyStatusOf(key, now);
          const badge = STATUS_BADGES[status];
          return (
            <li
              key={key.id}
              data-testid="api-key-row"
              className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between"
            >
              <div className="grid min-w-0 gap-1.5">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium">{key.name}</span>
                  <Badge variant={badge.variant}>{badge.label}</Badge>
                </p>
                <p>
                  <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                    {maskedKey(key.prefix)}
                  </code>
                </p>
                <ul aria-label="Scopes" className="flex flex-wrap gap-1.5">
                  {key.scopes.map((scope) => (
                    <li key={scope}>
                      <Badge variant="outline" title={API_KEY_SCOPE_LABELS[scope]?.description}>
                        {scope}
                      </Badge>
                    </li>
                  ))}
                </ul>
                <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted-foreground">
                  <Fact label="Created">
                    <time dateTime={key.createdAt}>{formatDay(key.createdAt)}</time>
                  </Fact>
                  <Fact label="Last used">
                    {key.lastUsedAt ? (
                      <time dateTime={key.lastUsedAt}>{formatMoment(key.lastUsedAt)}</time>
                    ) : (
                      "never"
                    )}
                  </Fact>
                  {key.revokedAt ? (
                    <Fact label="Revoked">
                      <time dateTime={key.revokedAt}>{formatDay(key.revokedAt)}</time>
                    </Fact>
                  ) : (
                    <Fact label={status === "expired" ? "Expired" : "Expires"}>
                      {key.expiresAt ? (
                        <time dateTime={key.expiresAt}>{formatDay(key.expiresAt)}</time>
                      ) : (
                        "never"
                      )}
                    </Fact>
                  )}
                </dl>
              </div>
              {status === "revoked" ? null : (
                <Button
                  variant="outline"
                  size="sm"
                  className="self-start text-destructive"
                  isLoading={revoke.isPending && revoke.variables === key.id}
                  onClick={() => setPending(key)}
                >
                  Revoke<span className="sr-only"> the key {key.name}</span>
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <AlertDialog open={pending !== null} onOpenChange={(isOpen) => !isOpen && setPending(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Revoke this API key?</AlertDialogTitle>
            <AlertDialogDescription>
              Anything using “{pending?.name}” ({pending ? maskedKey(pending.prefix) : ""}) stops
              working at once. This cannot be undone.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              onClick={() => pending && confirmRevoke(pending)}
            >
              Revoke key
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt>{label}</dt>
      <dd className="text-foreground">{children}</dd>
    </div>
  );
}
