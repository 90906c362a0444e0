"use client";

import { CircleAlert, CircleCheck } from "lucide-react";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** Seconds the success message stays before the popup closes itself. */
const CLOSE_AFTER_MS = 1200;

export function OAuthResult({ domain, error }: { domain: string | null; error: string | null }) {
  const isConnected = !error && domain !== null;
  useEffect(() => {
    if (!isConnected) return;
    // Same-origin only: the chat or the Test panel that opened this popup goes on.
    window.opener?.postMessage({ type: "atelier:oauth-connected", domain }, window.location.origin);
    const timer = window.setTimeout(() => window.close(), CLOSE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [isConnected, domain]);

  return (
    <div className="grid max-w-sm justify-items-center gap-3 text-center" role="status">
      {isConnected ? (
        <CircleCheck className="size-10 text-emerald-600" aria-hidden />
      ) : (
        <CircleAlert className="size-10 text-destructive" aria-hidden />
      )}
      <h1 className="text-lg font-semibold">
        {isConnected ? `Connected to ${domain}` : "The connection did not complete"}
      </h1>
      <p className="text-sm text-muted-foreground">
        {isConnected
          ? "You can close this window; the chat goes on by itself."
          : (error ?? "Something went wrong.")}
      </p>
      <Button type="button" variant="outline" onClick={() => window.close()}>
        Close window
      </Button>
    </div>
  );
}
