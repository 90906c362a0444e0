import { Search, UserX } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { Input } from "@/components/ui/input";
import type { Actor } from "@/lib/auth/session";
import type { AdminUserRow } from "@/lib/users/schemas";
import { BanUserButton } from "./ban-user-button";
import { TableHead, TableScroller, tdClasses } from "./table-scroller";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

function UserAction({ actor, user }: { actor: Actor; user: AdminUserRow }) {
  if (user.id === actor.id) return <span className="text-xs text-muted-foreground">You</span>;
  if (user.role === "ADMIN" && !user.bannedAt) {
    return <span className="text-xs text-muted-foreground">Admins can't be banned</span>;
  }
  return (
    <BanUserButton
      userId={user.id}
      email={user.email}
      name={user.name}
      isBanned={Boolean(user.bannedAt)}
    />
  );
}

type UsersSectionProps = {
  actor: Actor;
  users: AdminUserRow[];
  total: number;
  q?: string;
};

export function UsersSection({ actor, users, total, q }: UsersSectionProps) {
  return (
    <section aria-labelledby="admin-users-heading" className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="grid gap-1">
          <h2 id="admin-users-heading" className="text-lg font-semibold tracking-tight">
            Users
          </h2>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {q ? (
              <>
                {total} {total === 1 ? "match" : "matches"} for “{q}”.{" "}
                <Link
                  href="/admin"
                  scroll={false}
                  className="font-medium text-primary hover:underline"
                >
                  Clear search
                </Link>
              </>
            ) : (
              "Everyone with an account, newest first."
            )}
            {users.length < total ? ` Showing the newest ${users.length}.` : null}
          </p>
        </div>
        <Form action="/admin" scroll={false} role="search" className="flex w-full gap-2 sm:w-80">
          <div className="relative flex-1">
            <Search
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              type="search"
              name="q"
              defaultValue={q}
              placeholder="Name or email"
              aria-label="Search users by name or email"
              maxLength={100}
              className="pl-9"
            />
          </div>
          <Button type="submit" variant="outline">
            Search
          </Button>
        </Form>
      </div>

      {users.length === 0 ? (
        <EmptyState
          icon={UserX}
          titleAs="h3"
          title={q ? "No users match" : "No users yet"}
          description={
            q ? `Nobody's name or email contains “${q}”.` : "People who sign up appear here."
          }
        />
      ) : (
        <TableScroller label="Users table">
          <table aria-labelledby="admin-users-heading" className="w-full text-sm whitespace-nowrap">
            <TableHead
              columns={[
                { label: "Name" },
                { label: "Email" },
                { label: "Role" },
                { label: "Joined" },
                { label: "Status" },
                { label: <span className="sr-only">Actions</span>, isNumeric: true },
              ]}
            />
            <tbody className="divide-y">
              {users.map((user) => (
                <tr key={user.id} className="transition-colors hover:bg-muted/30">
                  <td className={tdClasses}>
                    <div className="flex items-center gap-3">
                      <span aria-hidden="true" className="flex">
                        <GptAvatar name={user.name ?? user.email} size="sm" />
                      </span>
                      <span className="font-medium">{user.name ?? "—"}</span>
                    </div>
                  </td>
                  <td className={`${tdClasses} text-muted-foreground`}>{user.email}</td>
                  <td className={tdClasses}>
                    {user.role === "ADMIN" ? (
                      <Badge>Admin</Badge>
                    ) : (
                      <Badge variant="outline">User</Badge>
                    )}
                  </td>
                  <td className={`${tdClasses} whitespace-nowrap text-muted-foreground`}>
                    <time dateTime={user.createdAt}>
                      {dateFormat.format(new Date(user.createdAt))}
                    </time>
                  </td>
                  <td className={tdClasses}>
                    {user.bannedAt ? (
                      <Badge
                        variant="destructive"
                        title={`Banned ${dateFormat.format(new Date(user.bannedAt))}`}
                      >
                        Banned
                      </Badge>
                    ) : (
                      <Badge variant="success">Active</Badge>
                    )}
                  </td>
                  <td className={`${tdClasses} text-right`}>
                    <UserAction actor={actor} user={user} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </section>
  );
}
