"use client";

import { LogIn, RefreshCw } from "lucide-react";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConnectionStatus } from "@/lib/gpt-actions/client/hooks";
import { useOAuthConnect } from "./use-oauth-connect";

/**
 * For OAuth actions: tests run as the signed-in creator, so their account must be connected
 * first: a popup signs in, and the status is checked again when it reports back or closes.
 */
export function OAuthConnectNote({
  gptId,
  actionId,
  domain,
}: {
  gptId: string;
  actionId: string;
  domain: string;
}) {
  const status = useConnectionStatus(gptId, actionId, true);
  const [isBlocked, setIsBlocked] = useState(false);
  const connect = useOAuthConnect({ gptId, actionId, onDone: () => void status.refetch() });

  if (status.isPending) {
    return <p className="text-sm text-muted-foreground">Checking your connection to {domain}…</p>;
  }
  if (status.isError) {
    return (
      <Alert variant="warning">
        <AlertTitle>Could not check your connection</AlertTitle>
        <AlertDescription className="text-warning">
          <p>{status.error.message}</p>
          <div>
            <Button
              type="button"
              size="sm"
              variant="outline"
              isLoading={status.isFetching}
              onClick={() => void status.refetch()}
            >
              {status.isFetching ? null : <RefreshCw aria-hidden="true" />}
              Try again
            </Button>
          </div>
        </AlertDescription>
      </Alert>
    );
  }
  if (status.data) {
    return (
      <p role="status" className="text-sm text-muted-foreground">
        Your account at {domain} is connected.
      </p>
    );
  }
  return (
    <Alert data-testid="oauth-connect-note">
      <AlertTitle>You are not connected to {domain}</AlertTitle>
      <AlertDescription>
        <p>
          This action signs in with OAuth. Tests run as you, so connect your {domain} account first.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" onClick={() => setIsBlocked(!connect())}>
            <LogIn aria-hidden="true" />
            Connect your account to test
          </Button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            isLoading={status.isFetching}
            onClick={() => void status.refetch()}
          >
            I have connected
          </Button>
        </div>
        {isBlocked ? (
          <p role="alert" className="text-destructive">
            The sign-in window was blocked. Allow pop-ups for this site and try again.
          </p>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}
