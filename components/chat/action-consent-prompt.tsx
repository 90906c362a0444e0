"use client";

import { useMutation } from "@tanstack/react-query";
import { Check, ExternalLink, KeyRound, ShieldAlert, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SimpleTooltip } from "@/components/ui/tooltip";
import { answerPromptRequest } from "@/lib/gpt-actions/client/api-client";
import type { ActionCallPartData, PromptDecision } from "@/lib/gpt-actions/types";
import { ActionRequestPreview } from "./action-call-step";

type Props = {
  /** A call in state awaiting_consent or awaiting_connection, in the reply being streamed. */
  call: ActionCallPartData;
  gptName: string;
};

const DECISION_LABELS: Record<PromptDecision, string> = {
  allow: "Allowed",
  always: "Always allowed",
  deny: "Denied",
};

/**
 * Answers a prompt; the stream then re-sends the call with its next state, which replaces this
 * card. Until then the card shows the answer given.
 */
function useAnswerPrompt(promptId: string | undefined) {
  return useMutation({
    mutationFn: (decision: PromptDecision) => {
      if (!promptId) throw new Error("This request can no longer be answered.");
      return answerPromptRequest(promptId, decision);
    },
    onError: (error) => toast.error(`Your answer was not sent. ${error.message}`),
  });
}

/** What the GPT wants to send where, asked before the call (ChatGPT's "Allow / Always allow / Deny"). */
export function ActionConsentPrompt({ call, gptName }: Props) {
  if (call.state === "awaiting_connection") return <ConnectPrompt call={call} />;
  return <ConsentPrompt call={call} gptName={gptName} />;
}

function ConsentPrompt({ call, gptName }: Props) {
  const answer = useAnswerPrompt(call.promptId);
  const alwaysId = useId();
  const answered = answer.isSuccess ? answer.variables : undefined;
  const isLocked = answer.isPending || answered !== undefined || !call.promptId;
  const title = `${gptName} wants to talk to ${call.domain}`;

  return (
    <fieldset
      aria-label={title}
      data-testid="action-consent"
      data-state={call.state}
      className="my-2 grid min-w-0 gap-3 rounded-xl border bg-card p-4 text-sm shadow-xs"
    >
      <p role="alert" className="font-medium">
        {title}
      </p>
      <ActionRequestPreview request={call.request} />
      {call.isConsequential ? (
        <p className="inline-flex items-center gap-1.5 text-xs text-warning">
          <ShieldAlert className="size-3.5 shrink-0" aria-hidden /> This changes something on{" "}
          {call.domain}.
        </p>
      ) : null}
      {/* Mounted from the start so the answer is announced when it appears. */}
      <p
        role="status"
        className="inline-flex items-center gap-1.5 text-muted-foreground empty:hidden"
      >
        {answered ? (
          <>
            {answered === "deny" ? (
              <X className="size-4" aria-hidden />
            ) : (
              <Check className="size-4" aria-hidden />
            )}
            {DECISION_LABELS[answered]}
          </>
        ) : null}
      </p>
      {answered ? null : (
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            data-testid="consent-allow"
            disabled={isLocked}
            isLoading={answer.isPending && answer.variables === "allow"}
            onClick={() => answer.mutate("allow")}
          >
            Allow
          </Button>
          <SimpleTooltip label={`Don’t ask again for ${gptName} on ${call.domain}`}>
            <Button
              size="sm"
              variant="outline"
              data-testid="consent-always"
              aria-describedby={alwaysId}
              disabled={isLocked}
              isLoading={answer.isPending && answer.variables === "always"}
              onClick={() => answer.mutate("always")}
            >
              Always allow
            </Button>
          </SimpleTooltip>
          <span id={alwaysId} className="sr-only">
            For {gptName} on {call.domain}: you won’t be asked again.
          </span>
          <Button
            size="sm"
            variant="outline"
            data-testid="consent-deny"
            disabled={isLocked}
            isLoading={answer.isPending && answer.variables === "deny"}
            onClick={() => answer.mutate("deny")}
          >
            Deny
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** The stream's connect URL, if it is a web address (never javascript: or data:). */
function safeConnectUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function ConnectPrompt({ call }: { call: ActionCallPartData }) {
  const answer = useAnswerPrompt(call.promptId);
  const [isPopupBlocked, setIsPopupBlocked] = useState(false);
  const [isConnected, setIsConnected] = useState(false);
  const title = `Connect your account on ${call.domain} to continue`;
  const isCancelled = answer.isSuccess;

  // The popup reports back when the sign-in finished; the server goes on with the call by itself.
  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (event.origin !== window.location.origin) return;
      if (event.data?.type === "atelier:oauth-connected") setIsConnected(true);
    }
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  function connect() {
    const url = safeConnectUrl(call.connectUrl);
    if (!url) return;
    const popup = window.open(url, "atelier-oauth", "width=520,height=680");
    if (popup) popup.focus();
    else setIsPopupBlocked(true);
  }

  return (
    <fieldset
      aria-label={title}
      data-testid="action-consent"
      data-state={call.state}
      className="my-2 grid min-w-0 gap-3 rounded-xl border bg-card p-4 text-sm shadow-xs"
    >
      <p role="alert" className="inline-flex items-center gap-2 font-medium">
        <KeyRound className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        {title}
      </p>
      <p className="text-xs text-muted-foreground">
        Sign in on {call.domain} in the window that opens. The answer goes on once you’re connected.
      </p>
      <p
        role="status"
        className="inline-flex items-center gap-1.5 text-muted-foreground empty:hidden"
      >
        {isConnected ? (
          <>
            <Check className="size-4" aria-hidden /> Connected. Continuing…
          </>
        ) : isCancelled ? (
          <>
            <X className="size-4" aria-hidden /> Cancelled
          </>
        ) : null}
      </p>
      {isConnected || isCancelled ? null : (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            data-testid="action-connect"
            disabled={!call.connectUrl || answer.isPending}
            onClick={connect}
          >
            <ExternalLink aria-hidden /> Connect
          </Button>
          <Button
            size="sm"
            variant="outline"
            data-testid="consent-deny"
            disabled={!call.promptId}
            isLoading={answer.isPending}
            onClick={() => answer.mutate("deny")}
          >
            Cancel
          </Button>
        </div>
      )}
      {isPopupBlocked && !isConnected && !isCancelled ? (
        <p role="status" className="text-xs text-muted-foreground">
          Your browser blocked the pop-up.{" "}
          {/* noopener: the page ends on another site; the stream still reports the connection. */}
          <a
            href={safeConnectUrl(call.connectUrl) ?? undefined}
            target="_blank"
            rel="noopener noreferrer"
            className="font-medium text-foreground underline underline-offset-4"
          >
            Open the sign-in page in a new tab
          </a>
        </p>
      ) : null}
    </fieldset>
  );
}
