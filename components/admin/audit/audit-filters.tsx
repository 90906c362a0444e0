import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { actionLabel } from "@/lib/admin/audit-describe";
import type { AuditLogQuery } from "@/lib/admin/audit-schemas";

const isFiltered = (query: AuditLogQuery) =>
  Boolean(
    query.action || query.actor || query.targetType || query.targetId || query.from || query.to,
  );

/** Action, actor, target and dates of Admin → Audit log, in the URL (a plain GET form). */
export function AuditFilters({ query, actions }: { query: AuditLogQuery; actions: string[] }) {
  // A filter from a link may name an action that has no entries (yet): keep it selectable.
  const options =
    query.action && !actions.includes(query.action) ? [...actions, query.action] : actions;
  return (
    <Form
      action="/admin/audit"
      role="search"
      aria-label="Filter the audit log"
      className="grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="grid gap-1.5">
        <Label htmlFor="audit-action">Action</Label>
        <Select id="audit-action" name="action" defaultValue={query.action ?? ""}>
          <option value="">All actions</option>
          {options.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-actor">Actor</Label>
        <Input
          id="audit-actor"
          type="search"
          name="actor"
          defaultValue={query.actor}
          placeholder="Email or name"
          maxLength={100}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-target-type">Target type</Label>
        <Input
          id="audit-target-type"
          name="targetType"
          defaultValue={query.targetType}
          placeholder="User, Gpt…"
          maxLength={60}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-target-id">Target ID</Label>
        <Input
          id="audit-target-id"
          name="targetId"
          defaultValue={query.targetId}
          placeholder="An id"
          maxLength={200}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-from">From</Label>
        <Input id="audit-from" type="date" name="from" defaultValue={query.from} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-to">To</Label>
        <Input id="audit-to" type="date" name="to" defaultValue={query.to} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit">Apply</Button>
        {isFiltered(query) ? (
          <Button asChild variant="ghost">
            <Link href="/admin/audit">Clear</Link>
          </Button>
        ) : null}
        <p className="ml-auto hidden text-xs text-muted-foreground sm:block">Dates are in UTC.</p>
      </div>
    </Form>
  );
}
