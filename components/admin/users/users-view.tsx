import { UserX } from "lucide-react";
import { TableHead, TableScroller, tdClasses } from "@/components/admin/table-scroller";
import { EmptyState } from "@/components/ui/empty-state";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { PageHeader } from "@/components/ui/page-header";
import type { Actor } from "@/lib/auth/session";
import type { AdminUserPage, AdminUserRow } from "@/lib/users/schemas";
import { cn } from "@/lib/utils/cn";
import { ListPagination } from "./list-pagination";
import { UserActions } from "./user-actions";
import { formatUserDate, RoleBadge, StatusBadge, VerifiedText } from "./user-badges";
import { UsersFilters } from "./users-filters";
import { usersHref } from "./users-href";

const integer = new Intl.NumberFormat("en-US");

/** Admin → Users: filters in the URL, 50 accounts a page, a menu of actions per row. */
export function UsersView({ actor, page }: { actor: Actor; page: AdminUserPage }) {
  const { users, query } = page;
  const isFiltered = Boolean(query.q) || query.role !== "all" || query.status !== "all";
  return (
    <div className="grid gap-6">
      <PageHeader
        className="pb-0"
        title="Users"
        description="Everyone with an account: roles, bans and password resets. Every change is recorded in the audit log."
      />
      <UsersFilters query={query} />
      {users.length === 0 ? (
        <EmptyState
          icon={UserX}
          title={isFiltered ? "No users match" : "No users yet"}
          description={
            isFiltered
              ? "Nobody matches these filters. Try another search or clear the filters."
              : "People who sign up appear here."
          }
        />
      ) : (
        <>
          <UsersTable actor={actor} users={users} />
          <ul className="grid gap-3 md:hidden" aria-label="Users">
            {users.map((user) => (
              <UserCard key={user.id} actor={actor} user={user} />
            ))}
          </ul>
        </>
      )}
      <ListPagination
        label="Users pages"
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        pageSize={page.pageSize}
        hrefFor={(number) => usersHref(query, { page: number })}
      />
    </div>
  );
}

function RowActions({ actor, user }: { actor: Actor; user: AdminUserRow }) {
  if (user.status === "deleted" || user.email === null) {
    return <span className="text-xs text-muted-foreground">No actions</span>;
  }
  if (user.id === actor.id) return <span className="text-xs text-muted-foreground">You</span>;
  return <UserActions user={{ ...user, email: user.email }} />;
}

function NameCell({ user, withEmail = false }: { user: AdminUserRow; withEmail?: boolean }) {
  const name = user.status === "deleted" ? "Deleted account" : (user.name ?? "—");
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span aria-hidden="true" className="flex">
        <GptAvatar name={user.email ?? "Deleted"} size="sm" />
      </span>
      <div className="grid min-w-0">
        <span
          className={cn(
            "truncate font-medium",
            user.status === "deleted" && "text-muted-foreground",
          )}
        >
          {name}
        </span>
        {withEmail && user.email ? (
          <span className="max-w-72 truncate text-xs text-muted-foreground" title={user.email}>
            {user.email}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function BanReason({ user }: { user: AdminUserRow }) {
  if (user.status !== "banned" || !user.bannedReason) return null;
  return (
    <p className="mt-1 max-w-48 truncate text-xs text-muted-foreground" title={user.bannedReason}>
      {user.bannedReason}
    </p>
  );
}

function UsersTable({ actor, users }: { actor: Actor; users: AdminUserRow[] }) {
  return (
    <TableScroller label="Users table" className="hidden md:block">
      <table className="w-full text-sm whitespace-nowrap">
        <caption className="sr-only">Users</caption>
        <TableHead
          columns={[
            { label: "User" },
            { label: "Role" },
            { label: "Verified" },
            { label: "Joined" },
            { label: "GPTs", isNumeric: true },
            { label: "Sessions", isNumeric: true },
            { label: "Status" },
            { label: <span className="sr-only">Actions</span>, isNumeric: true },
          ]}
        />
        <tbody className="divide-y">
          {users.map((user) => (
            <tr
              key={user.id}
              className="transition-colors hover:bg-muted/30"
              data-testid="user-row"
            >
              <td className={tdClasses}>
                <NameCell user={user} withEmail />
              </td>
              <td className={tdClasses}>
                <RoleBadge role={user.role} />
              </td>
              <td className={tdClasses}>
                <VerifiedText user={user} />
              </td>
              <td className={cn(tdClasses, "text-muted-foreground")}>
                <time dateTime={user.createdAt}>{formatUserDate(user.createdAt)}</time>
              </td>
              <td className={cn(tdClasses, "text-right tabular-nums")}>
                {integer.format(user.gptCount)}
              </td>
              <td className={cn(tdClasses, "text-right tabular-nums")}>
                {integer.format(user.sessionCount)}
              </td>
              <td className={tdClasses}>
                <StatusBadge user={user} />
                <BanReason user={user} />
              </td>
              <td className={cn(tdClasses, "text-right")}>
                <RowActions actor={actor} user={user} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

function UserCard({ actor, user }: { actor: Actor; user: AdminUserRow }) {
  return (
    <li className="grid gap-3 rounded-xl border bg-card p-4 text-sm" data-testid="user-card">
      <div className="flex items-start justify-between gap-3">
        <div className="grid min-w-0 gap-0.5">
          <NameCell user={user} />
          {user.email ? (
            <p className="truncate text-muted-foreground" title={user.email}>
              {user.email}
            </p>
          ) : null}
        </div>
        <RowActions actor={actor} user={user} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <RoleBadge role={user.role} />
        <StatusBadge user={user} />
      </div>
      <BanReason user={user} />
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
        <span>
          Joined <time dateTime={user.createdAt}>{formatUserDate(user.createdAt)}</time>
        </span>
        <VerifiedText user={user} />
        <span>
          {integer.format(user.gptCount)} {user.gptCount === 1 ? "GPT" : "GPTs"}
        </span>
        <span>
          {integer.format(user.sessionCount)} {user.sessionCount === 1 ? "session" : "sessions"}
        </span>
      </p>
    </li>
  );
}
