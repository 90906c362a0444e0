"use client";

import { RotateCcw } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { BUSY_AUTO_RETRIES } from "./chat-retry";
import type { FailureState } from "./use-chat-turns";

/** Whole seconds until `until` (epoch ms), re-rendered every second; 0 once it passed or null. */
export function useSecondsUntil(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

const STILL_BUSY_MESSAGE =
  "Atelier is still too busy to take your message. It was not sent: retry in a moment.";

/**
 * A turn that was refused or lost, above the composer: a busy server (retried by itself, with a
 * countdown), a limit (the server's message; a short rate limit counts down until sending is
 * possible again), a network error or a lost connection (Retry / Reconnect).
 */
export function ChatFailureAlert({
  state,
  onRetry,
  onCancelRetry,
  onDismiss,
}: {
  state: FailureState;
  onRetry: () => void;
  onCancelRetry: () => void;
  onDismiss: () => void;
}) {
  const { failure } = state;
  const retryIn = useSecondsUntil(state.retryAt);
  const lockedFor = useSecondsUntil(state.lockedUntil);
  const isAutoRetrying = state.retryAt !== null;
  const isBusy = failure.kind === "busy";
  // A daily, monthly, plan or spending limit does not lift within seconds: no retry button.
  const canRetry =
    failure.kind !== "rate_limited" || failure.limit === "rate" || failure.limit === null;

  // Once it no longer retries by itself (tries used up, or cancelled), it says the message waits.
  const message = isBusy && !isAutoRetrying ? STILL_BUSY_MESSAGE : failure.message;
  return (
    <Alert
      variant={isBusy || failure.kind === "rate_limited" ? "warning" : "destructive"}
      // Busy and limits are announced politely; errors as alerts.
      role={isBusy || failure.kind === "rate_limited" ? "status" : "alert"}
      className="flex flex-wrap items-center justify-between gap-3"
      data-testid="chat-error"
      data-kind={failure.kind}
    >
      <div className="grid min-w-0 flex-1 basis-60 gap-1">
        <span>{message}</span>
        {/* Countdowns tick every second: shown, not announced (the message says it already). */}
        {isAutoRetrying ? (
          <span className="text-xs" data-testid="chat-retry-progress">
            <span aria-hidden>
              {retryIn > 0 ? `Trying again in ${retryIn} s ` : "Trying again… "}
            </span>
            (attempt {state.attempt + 1} of {BUSY_AUTO_RETRIES})
          </span>
        ) : null}
        {lockedFor > 0 ? (
          <span className="text-xs" data-testid="chat-rate-countdown" aria-hidden>
            You can send again in {lockedFor} s.
          </span>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        {failure.kind === "rate_limited" && failure.canUpgrade ? (
          <Button size="sm" asChild>
            <Link href="/settings/billing">See plans and credits</Link>
          </Button>
        ) : null}
        {canRetry ? (
          <Button size="sm" variant="outline" disabled={lockedFor > 0} onClick={onRetry}>
            <RotateCcw className="size-3.5" aria-hidden />
            {failure.kind === "disconnected" ? "Reconnect" : isAutoRetrying ? "Retry now" : "Retry"}
          </Button>
        ) : null}
        {isAutoRetrying ? (
          <Button size="sm" variant="ghost" onClick={onCancelRetry}>
            Cancel
          </Button>
        ) : failure.kind !== "disconnected" ? (
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            Dismiss
          </Button>
        ) : null}
      </div>
    </Alert>
  );
}
