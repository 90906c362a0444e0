"use client";

import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { iframeSnippet, scriptSnippet } from "@/lib/embed/snippets";

const subscribe = () => () => {};

/** The code to paste: the bubble loader, and the panel alone as an iframe. */
export function EmbedSnippets({ gptId, gptName }: { gptId: string; gptName: string }) {
  const appOrigin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  return (
    <div className="grid gap-4">
      <Snippet
        title="Chat bubble"
        description="Paste before </body> on each page of your site. A bubble opens the chat."
        code={scriptSnippet({ appOrigin, gptId })}
        copyLabel="Copy script tag"
        testId="embed-script-snippet"
      />
      <Snippet
        title="Or an inline chat panel"
        description="Place the chat in your page like an image (no bubble)."
        code={iframeSnippet({ appOrigin, gptId, gptName })}
        copyLabel="Copy iframe code"
        testId="embed-iframe-snippet"
      />
      <p className="text-sm text-muted-foreground">
        If your site sends a Content-Security-Policy, allow {appOrigin || "this address"} in its
        script-src, connect-src and frame-src.
      </p>
    </div>
  );
}

function Snippet({
  title,
  description,
  code,
  copyLabel,
  testId,
}: {
  title: string;
  description: string;
  code: string;
  copyLabel: string;
  testId: string;
}) {
  return (
    <div className="grid gap-1.5">
      <span className="text-sm font-medium">{title}</span>
      <p className="text-sm text-muted-foreground">{description}</p>
      <div className="flex min-w-0 items-start gap-2 rounded-md border bg-muted/40 py-1 pr-1 pl-3">
        <code
          className="min-w-0 flex-1 py-1 font-mono text-xs break-all whitespace-pre-wrap"
          data-testid={testId}
        >
          {code}
        </code>
        <CopyButton value={code} label={copyLabel} />
      </div>
    </div>
  );
}
