"use client";

import { ChevronRight, LoaderCircle } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import type { ActionCallPartData } from "@/lib/gpt-actions/types";
import { cn } from "@/lib/utils/cn";
import { isAwaitingUser } from "./action-calls-of";

type Props = {
  call: ActionCallPartData;
  /** False for stored turns (and stopped ones): a call still waiting there was never answered. */
  isLive: boolean;
};

function summaryOf(call: ActionCallPartData, isLive: boolean): string {
  const { domain } = call;
  if (isAwaitingUser(call)) return `Did not call ${domain} (no answer was given)`;
  switch (call.state) {
    case "running":
      return isLive ? `Calling ${domain}…` : `Call to ${domain} did not finish`;
    case "done":
      return `Called ${domain}`;
    case "failed":
      return `Call to ${domain} failed`;
    default:
      return `Did not call ${domain} (denied)`;
  }
}

type CallResult = NonNullable<ActionCallPartData["result"]>;

/** An MCP tool answers without an HTTP status: no status and no error is a success. */
function statusBadge(result: CallResult) {
  const { status, error } = result;
  if (status === null) {
    return error
      ? { variant: "destructive" as const, label: "No response" }
      : { variant: "success" as const, label: "Done" };
  }
  const label = `HTTP ${status}`;
  if (status < 300) return { variant: "success" as const, label };
  if (status < 400) return { variant: "secondary" as const, label };
  return { variant: "destructive" as const, label };
}

/**
 * One action call above the answer, ChatGPT-like: a one-line summary that expands to what was
 * sent where and what came back.
 */
export function ActionCallStep({ call, isLive }: Props) {
  const [isOpen, setIsOpen] = useState(false);
  const detailsId = useId();
  const isRunning = isLive && call.state === "running";
  const result = call.result;

  return (
    <div data-testid="action-step" data-state={call.state} className="text-sm">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={detailsId}
        onClick={() => setIsOpen((open) => !open)}
        className={cn(
          "inline-flex max-w-full items-center gap-1.5 rounded-md py-1 text-left text-muted-foreground transition-colors",
          "hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
          call.state === "failed" && "text-destructive hover:text-destructive",
        )}
      >
        {isRunning ? <LoaderCircle className="size-3.5 shrink-0 animate-spin" aria-hidden /> : null}
        <span className="min-w-0 truncate">{summaryOf(call, isLive)}</span>
        <ChevronRight
          className={cn("size-3.5 shrink-0 transition-transform", isOpen && "rotate-90")}
          aria-hidden
        />
      </button>
      {isOpen ? (
        <div
          id={detailsId}
          className="mt-1 mb-2 grid gap-3 rounded-xl border bg-card p-3"
          data-testid="action-step-details"
        >
          <div className="grid min-w-0 gap-1.5">
            <p className="text-xs font-medium text-muted-foreground">Request</p>
            <ActionRequestPreview request={call.request} />
          </div>
          {result ? <ResultSection result={result} /> : null}
          {!result && isAwaitingUser(call) ? (
            <p className="text-xs text-muted-foreground">
              The request was not sent: nobody answered before the reply ended.
            </p>
          ) : null}
          {!result && call.state === "denied" ? (
            <p className="text-xs text-muted-foreground">The request was not sent.</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function ResultSection({ result }: { result: CallResult }) {
  const badge = statusBadge(result);
  return (
    <div className="grid min-w-0 gap-1.5">
      <p className="text-xs font-medium text-muted-foreground">Response</p>
      <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <Badge variant={badge.variant}>{badge.label}</Badge>
        <span>{result.latencyMs.toLocaleString("en-US")} ms</span>
      </p>
      {result.error ? (
        <p className="break-words text-xs text-destructive" data-testid="action-step-error">
          {result.error}
        </p>
      ) : null}
      {result.preview ? (
        <pre
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable (axe scrollable-region-focusable)
          tabIndex={0}
          className="max-h-60 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded-lg border bg-code p-3 font-mono text-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          {readableBody(result.preview).text}
        </pre>
      ) : null}
      {result.isTruncated ? (
        <p className="text-xs text-muted-foreground">
          Truncated: only the beginning of the response is shown.
        </p>
      ) : null}
    </div>
  );
}

/**
 * A JSON body indented, so a person can read what they are asked to send (or what came back);
 * anything else (or a cut-off preview that no longer parses) as it is.
 */
function readableBody(body: string): { text: string; isJson: boolean } {
  if (!/^\s*[[{]/.test(body)) return { text: body, isJson: false };
  try {
    return { text: JSON.stringify(JSON.parse(body), null, 2), isJson: true };
  } catch {
    return { text: body, isJson: false };
  }
}

/** What is (or was) sent where: method, URL and the body, credentials already masked. */
export function ActionRequestPreview({ request }: { request: ActionCallPartData["request"] }) {
  const body = request.body ? readableBody(request.body) : null;
  return (
    <div className="grid min-w-0 gap-1.5">
      <p className="flex min-w-0 items-start gap-2 font-mono text-xs">
        <Badge variant="outline" className="font-mono">
          {request.method}
        </Badge>
        <span className="min-w-0 break-all">{request.url}</span>
      </p>
      {body ? (
        <CodeBlock
          code={body.text}
          language={body.isJson ? "json" : undefined}
          // Wrapped, not scrolled sideways: on a phone the whole body stays in view before Allow.
          className="my-0 [&_pre]:max-h-48 [&_pre]:p-3 [&_pre]:whitespace-pre-wrap [&_pre]:[overflow-wrap:anywhere]"
        />
      ) : null}
    </div>
  );
}
