import { ScrollText } from "lucide-react";
import { ListPagination } from "@/components/admin/users/list-pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { AuditLogPage } from "@/lib/admin/audit-schemas";
import { AuditEntryItem } from "./audit-entry-item";
import { AuditFilters } from "./audit-filters";
import { auditHref } from "./audit-href";

/** Admin → Audit log: every recorded admin and moderator action, newest first, 50 a page. */
export function AuditView({ page }: { page: AuditLogPage }) {
  const { entries, query } = page;
  const isFiltered = Boolean(
    query.action || query.actor || query.targetType || query.targetId || query.from || query.to,
  );
  return (
    <div className="grid gap-6">
      <PageHeader
        className="pb-0"
        title="Audit log"
        description="Who changed what: bans, roles, moderation decisions, settings, models and payouts. Entries are never edited or removed."
      />
      <AuditFilters query={query} actions={page.actions} />
      {entries.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={isFiltered ? "No entries match" : "Nothing recorded yet"}
          description={
            isFiltered
              ? "No audit entry matches these filters. Widen the dates or clear the filters."
              : "Admin and moderator actions (bans, role changes, moderation, settings) appear here."
          }
        />
      ) : (
        <ol className="grid gap-3" aria-label="Audit entries, newest first">
          {entries.map((entry) => (
            <AuditEntryItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      <ListPagination
        label="Audit log pages"
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        pageSize={page.pageSize}
        hrefFor={(number) => auditHref(query, { page: number })}
      />
    </div>
  );
}
