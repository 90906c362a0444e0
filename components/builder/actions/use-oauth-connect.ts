"use client";

import { useCallback, useEffect, useRef } from "react";
import { connectActionUrl } from "@/lib/gpt-actions/client/api-client";

export const OAUTH_CONNECTED_MESSAGE = "atelier:oauth-connected";
const POPUP_FEATURES = "width=520,height=680";
const CLOSED_POLL_MS = 500;

/**
 * Opens the provider's sign-in in a popup and calls `onDone` when it reports success (a
 * same-origin postMessage from the callback page) or when the window closes either way.
 * Returns false when the browser blocked the popup.
 */
export function useOAuthConnect({
  gptId,
  actionId,
  onDone,
}: {
  gptId: string;
  actionId: string;
  onDone: () => void;
}) {
  const onDoneRef = useRef(onDone);
  const timerRef = useRef<number | null>(null);
  useEffect(() => {
    onDoneRef.current = onDone;
  }, [onDone]);

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      // Only our own callback page may say the account is connected.
      if (event.origin !== window.location.origin) return;
      if ((event.data as { type?: unknown } | null)?.type !== OAUTH_CONNECTED_MESSAGE) return;
      onDoneRef.current();
    }
    window.addEventListener("message", onMessage);
    return () => {
      window.removeEventListener("message", onMessage);
      if (timerRef.current !== null) window.clearInterval(timerRef.current);
    };
  }, []);

  return useCallback((): boolean => {
    const popup = window.open(
      connectActionUrl({ gptId, actionId }),
      "atelier-oauth",
      POPUP_FEATURES,
    );
    if (!popup) return false;
    if (timerRef.current !== null) window.clearInterval(timerRef.current);
    timerRef.current = window.setInterval(() => {
      if (!popup.closed) return;
      if (timerRef.current !== null) window.clearInterval(timerRef.current);
      timerRef.current = null;
      onDoneRef.current();
    }, CLOSED_POLL_MS);
    return true;
  }, [gptId, actionId]);
}
