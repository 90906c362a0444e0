import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { OpenApiPreview } from "@/lib/gpt-actions/types";

type Problem = { path: string; message: string };

function ProblemList({ problems, label }: { problems: Problem[]; label: string }) {
  return (
    <ul aria-label={label} className="grid gap-1">
      {problems.map((problem, index) => (
        <li key={`${problem.path}-${index}`} className="break-words">
          {problem.path ? (
            <>
              <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs text-foreground">
                {problem.path}
              </code>{" "}
              —{" "}
            </>
          ) : null}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}

/** What the server made of the document: its title and server, or why it cannot be used. */
export function OpenApiPreviewSummary({ preview }: { preview: OpenApiPreview }) {
  if (!preview.ok) {
    return (
      <Alert variant="destructive" role="alert" data-testid="openapi-problems">
        <AlertTitle>This document cannot be used yet</AlertTitle>
        <AlertDescription className="text-destructive">
          <ProblemList problems={preview.problems} label="Problems in the document" />
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="grid gap-2" data-testid="openapi-preview">
      <Alert variant="success">
        {/* `version` is the document's OpenAPI version (3.x after a Swagger conversion), not the API's. */}
        <AlertTitle className="break-words">
          {preview.title} <span className="font-normal">· OpenAPI {preview.version}</span>
        </AlertTitle>
        <AlertDescription className="text-success">
          <p>
            {preview.operations.length === 1
              ? "1 operation found."
              : `${preview.operations.length} operations found.`}
            {preview.convertedFrom === "2.0" ? " Converted from Swagger 2.0." : null}
          </p>
          {preview.serverUrl ? (
            <p className="break-all">
              Calls go to <code className="font-mono text-xs">{preview.serverUrl}</code>
            </p>
          ) : (
            <p>The document names no server URL: enter one below.</p>
          )}
        </AlertDescription>
      </Alert>
      {preview.warnings.length > 0 ? (
        <Alert variant="warning">
          <AlertTitle>
            {preview.warnings.length === 1 ? "1 warning" : `${preview.warnings.length} warnings`}
          </AlertTitle>
          <AlertDescription className="text-warning">
            <ProblemList problems={preview.warnings} label="Warnings about the document" />
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
