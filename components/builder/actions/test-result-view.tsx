import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { ActionTestResult } from "@/lib/gpt-actions/types";
import { prettyBody, statusVariant } from "./action-format";
import { HeadersTable } from "./headers-table";
import { MethodBadge } from "./method-badge";

function BodyBlock({ body, label }: { body: string; label: string }) {
  return (
    <figure className="grid gap-1">
      <figcaption className="text-xs text-muted-foreground">{label}</figcaption>
      <pre className="max-h-80 overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs whitespace-pre-wrap break-all">
        {prettyBody(body) || "(empty)"}
      </pre>
    </figure>
  );
}

/** What the Test run sent (credentials masked) and what came back, or why nothing did. */
export function TestResultView({ result }: { result: ActionTestResult }) {
  const { request, response, error, durationMs } = result;
  return (
    <div className="grid gap-5" data-testid="test-result">
      <section aria-labelledby="test-result-request" className="grid gap-2">
        <h3 id="test-result-request" className="text-sm font-semibold">
          Request
        </h3>
        <p className="flex min-w-0 items-start gap-2">
          <MethodBadge method={request.method} />
          <code className="min-w-0 font-mono text-xs break-all">{request.url}</code>
        </p>
        <HeadersTable headers={request.headers} caption="Request headers" />
        {request.body ? <BodyBlock body={request.body} label="Request body" /> : null}
      </section>

      <section aria-labelledby="test-result-response" className="grid gap-2">
        <h3 id="test-result-response" className="text-sm font-semibold">
          Response
        </h3>
        {error ? (
          <Alert variant="destructive">
            <AlertTitle>{response ? "The call reported a problem" : "No response"}</AlertTitle>
            <AlertDescription className="text-destructive">
              <p className="break-words">{error}</p>
              <p>After {durationMs} ms.</p>
            </AlertDescription>
          </Alert>
        ) : null}
        {response ? (
          <>
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <Badge variant={statusVariant(response.status)} data-testid="test-result-status">
                {response.status} {response.statusText}
              </Badge>
              <span className="text-muted-foreground">{durationMs} ms</span>
            </p>
            <details className="group rounded-md border px-3 py-2">
              <summary className="cursor-pointer text-xs font-medium">
                Response headers ({Object.keys(response.headers).length})
              </summary>
              <div className="mt-2">
                <HeadersTable headers={response.headers} caption="Response headers" />
              </div>
            </details>
            <BodyBlock body={response.body} label="Response body" />
            {response.isTruncated ? (
              <p className="text-xs text-muted-foreground">
                The response was longer than this; the rest was cut off.
              </p>
            ) : null}
          </>
        ) : null}
      </section>
    </div>
  );
}
