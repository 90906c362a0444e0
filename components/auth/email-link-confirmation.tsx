"use client";

import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { ApiError, requestJson } from "@/lib/admin/api-client";

type State =
  | { kind: "working" }
  | { kind: "done"; email: string }
  | { kind: "failed"; message: string };

/**
 * An emailed link, opened: posts its token once (a page render never changes anything, so a
 * mail scanner fetching the link does not use it) and says how it went.
 */
export function EmailLinkConfirmation({
  endpoint,
  token,
  successTitle,
  failureHint,
}: {
  endpoint: "/api/auth/verify-email" | "/api/auth/confirm-email";
  token: string;
  successTitle: string;
  failureHint: string;
}) {
  const [state, setState] = useState<State>({ kind: "working" });
  const isSent = useRef(false);

  useEffect(() => {
    if (isSent.current) return;
    isSent.current = true;
    requestJson<{ email: string }>(endpoint, { method: "POST", body: { token } })
      .then((result) => setState({ kind: "done", email: result.email }))
      .catch((error: unknown) =>
        setState({
          kind: "failed",
          message: error instanceof ApiError ? error.message : "Something went wrong. Try again.",
        }),
      );
  }, [endpoint, token]);

  if (state.kind === "working") {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Spinner size="sm" label="Checking your link…" />
        <span aria-hidden>Checking your link…</span>
      </p>
    );
  }
  if (state.kind === "failed") {
    return (
      <Alert variant="destructive">
        {state.message} {failureHint}
      </Alert>
    );
  }
  return (
    <div role="status" className="space-y-4">
      <p className="flex items-start gap-2 text-sm">
        <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden />
        <span>
          {successTitle} <strong className="break-all">{state.email}</strong>
        </span>
      </p>
      <Link href="/" className="block text-center text-sm font-medium text-primary hover:underline">
        Continue to Atelier
      </Link>
    </div>
  );
}
