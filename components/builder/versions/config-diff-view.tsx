import { CircleCheck } from "lucide-react";
import type { ConfigDiff, DiffLine, FieldDiff } from "@/lib/gpts/diff-configs";
import { cn } from "@/lib/utils/cn";

const lineStyles: Record<DiffLine["kind"], { marker: string; label: string; className: string }> = {
  added: {
    marker: "+",
    label: "Added in draft",
    className: "bg-success/10 [&>[data-marker]]:text-success",
  },
  removed: {
    marker: "−",
    label: "Only in this version",
    className: "bg-destructive/10 [&>[data-marker]]:text-destructive",
  },
  unchanged: { marker: " ", label: "Unchanged", className: "text-muted-foreground" },
};

/**
 * Field-by-field differences between a version (before) and the draft (after). Long text is a
 * line diff; changes carry +/− markers and screen-reader labels, so colour is never the only cue.
 */
export function ConfigDiffView({
  diff,
  versionNumber,
}: {
  diff: ConfigDiff;
  versionNumber: number;
}) {
  const changed = diff.fields.filter((field) => field.isChanged);
  if (changed.length === 0) {
    return (
      <div
        className="flex flex-col items-center gap-2 rounded-lg border border-dashed px-6 py-10 text-center"
        data-testid="diff-empty"
      >
        <CircleCheck aria-hidden="true" className="size-6 text-success" />
        <p className="text-sm font-medium">No differences</p>
        <p className="text-sm text-muted-foreground">
          Your draft matches version {versionNumber} in every field.
        </p>
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span>
          {changed.length} {changed.length === 1 ? "field differs" : "fields differ"}
        </span>
        <span>
          <span aria-hidden="true" className="font-mono text-destructive">
            −
          </span>{" "}
          in version {versionNumber}
        </span>
        <span>
          <span aria-hidden="true" className="font-mono text-success">
            +
          </span>{" "}
          in your draft
        </span>
      </p>
      {changed.map((field) => (
        <FieldDiffView key={field.field} field={field} />
      ))}
    </div>
  );
}

function FieldDiffView({ field }: { field: FieldDiff }) {
  const headingId = `diff-${field.field}`;
  return (
    <section aria-labelledby={headingId} className="grid gap-2" data-testid={`diff-${field.field}`}>
      <h4 id={headingId} className="text-sm font-medium">
        {field.label}
      </h4>
      {field.kind === "lines" ? (
        <div className="overflow-x-auto rounded-md border font-mono text-xs leading-5">
          {field.lines.map((line, index) => (
            // Lines have no identity beyond their position in this diff.
            <DiffLineRow key={index} line={line} />
          ))}
        </div>
      ) : (
        <dl className="grid gap-1 rounded-md border p-2 text-sm sm:grid-cols-2 sm:gap-2">
          <div className="rounded bg-destructive/10 px-2 py-1.5">
            <dt className="text-xs text-muted-foreground">This version</dt>
            <dd className="break-words">
              <span aria-hidden="true" className="mr-1 font-mono text-destructive">
                −
              </span>
              {field.before}
            </dd>
          </div>
          <div className="rounded bg-success/10 px-2 py-1.5">
            <dt className="text-xs text-muted-foreground">Your draft</dt>
            <dd className="break-words">
              <span aria-hidden="true" className="mr-1 font-mono text-success">
                +
              </span>
              {field.after}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function DiffLineRow({ line }: { line: DiffLine }) {
  const style = lineStyles[line.kind];
  return (
    <div className={cn("flex min-w-0", style.className)} data-kind={line.kind}>
      <span data-marker aria-hidden="true" className="w-6 shrink-0 select-none text-center">
        {style.marker}
      </span>
      {line.kind === "unchanged" ? null : <span className="sr-only">{style.label}: </span>}
      <span className="min-w-0 flex-1 pr-2 whitespace-pre-wrap break-words">
        {line.text || "\u00a0"}
      </span>
    </div>
  );
}
