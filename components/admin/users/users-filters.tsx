import { Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { AdminUserQuery } from "@/lib/users/schemas";

const isFiltered = (query: AdminUserQuery) =>
  Boolean(query.q) || query.role !== "all" || query.status !== "all" || query.sort !== "newest";

/** Search, role, status and order of Admin → Users, in the URL (a plain GET form). */
export function UsersFilters({ query }: { query: AdminUserQuery }) {
  return (
    <Form
      action="/admin/users"
      role="search"
      aria-label="Filter users"
      className="grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto] lg:items-end"
    >
      <div className="grid gap-1.5 sm:col-span-2 lg:col-span-1">
        <Label htmlFor="users-q">Search</Label>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="users-q"
            type="search"
            name="q"
            defaultValue={query.q}
            placeholder="Name or email"
            maxLength={100}
            className="pl-9"
          />
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="users-role">Role</Label>
        <Select id="users-role" name="role" defaultValue={query.role}>
          <option value="all">All roles</option>
          <option value="user">Users</option>
          <option value="moderator">Moderators</option>
          <option value="admin">Admins</option>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="users-status">Status</Label>
        <Select id="users-status" name="status" defaultValue={query.status}>
          <option value="all">Any status</option>
          <option value="active">Active</option>
          <option value="banned">Banned</option>
          <option value="unverified">Unverified email</option>
          <option value="deleted">Deleted</option>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="users-sort">Order</Label>
        <Select id="users-sort" name="sort" defaultValue={query.sort}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </Select>
      </div>
      <div className="flex items-center gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit">Apply</Button>
        {isFiltered(query) ? (
          <Button asChild variant="ghost">
            <Link href="/admin/users">Clear</Link>
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
