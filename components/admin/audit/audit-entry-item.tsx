import { ExternalLink, Filter } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { describeAuditEntry } from "@/lib/admin/audit-describe";
import type { AuditEntry } from "@/lib/admin/audit-schemas";
import { auditHref } from "./audit-href";

const timeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

const linkClasses =
  "inline-flex items-center gap-1 rounded-sm font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring";

function Who({ actor }: { actor: AuditEntry["actor"] }) {
  if (!actor) return <span className="font-semibold">System</span>;
  if (actor.isDeleted || !actor.email)
    return <span className="font-semibold">Deleted account</span>;
  return (
    <Link
      href={auditHref({ actor: actor.email })}
      className="rounded-sm font-semibold underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
      title={`Only entries by ${actor.email}`}
    >
      {actor.name ? `${actor.name} (${actor.email})` : actor.email}
    </Link>
  );
}

/** One audit entry: when, who, what (in words), the target, and the raw data on demand. */
export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const { target } = entry;
  return (
    <li className="grid gap-2 rounded-xl border bg-card p-4 text-sm" data-testid="audit-entry">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <p className="min-w-0 wrap-anywhere">
          <Who actor={entry.actor} /> {describeAuditEntry(entry)}
        </p>
        <time
          dateTime={entry.createdAt}
          className="shrink-0 text-xs whitespace-nowrap text-muted-foreground"
        >
          {timeFormat.format(new Date(entry.createdAt))} UTC
        </time>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
        <Link href={auditHref({ action: entry.action })} title="Only this action">
          <Badge variant="outline" className="font-mono">
            {entry.action}
          </Badge>
        </Link>
        <span className="wrap-anywhere">
          {target.type}{" "}
          {target.href ? (
            <Link href={target.href} className={linkClasses}>
              {target.label ?? target.id}
              <ExternalLink aria-hidden="true" className="size-3" />
            </Link>
          ) : (
            <span className="font-mono">{target.label ?? target.id}</span>
          )}
        </span>
        <Link
          href={auditHref({ targetType: target.type, targetId: target.id })}
          className={linkClasses}
          aria-label={`Only entries about ${target.type} ${target.label ?? target.id}`}
        >
          <Filter aria-hidden="true" className="size-3" />
          Same target
        </Link>
      </div>
      {entry.data === null || entry.data === undefined ? null : (
        <details className="group text-xs">
          <summary className="w-fit cursor-pointer rounded-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
            Raw data
          </summary>
          <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-muted p-3 font-mono text-xs whitespace-pre-wrap wrap-anywhere">
            {JSON.stringify(entry.data, null, 2)}
          </pre>
        </details>
      )}
    </li>
  );
}
