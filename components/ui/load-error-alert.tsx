"use client";

import { RefreshCw } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A list that could not be loaded: what failed, the server's reason, and Try again. */
export function LoadErrorAlert({
  title,
  message,
  isRetrying,
  onRetry,
  testId,
}: {
  title: string;
  message: string;
  isRetrying: boolean;
  onRetry: () => void;
  testId?: string;
}) {
  return (
    <Alert variant="destructive" data-testid={testId}>
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription className="text-destructive">
        <p>{message}</p>
        <div>
          <Button
            type="button"
            size="sm"
            variant="outline"
            className="mt-1"
            isLoading={isRetrying}
            onClick={onRetry}
          >
            {isRetrying ? null : <RefreshCw aria-hidden="true" />}
            Try again
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
