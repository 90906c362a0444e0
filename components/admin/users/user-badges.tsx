import { Badge } from "@/components/ui/badge";
import type { AdminUserRow, UserRole } from "@/lib/users/schemas";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function formatUserDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function roleLabel(role: UserRole): string {
  return role === "ADMIN" ? "Admin" : role === "MODERATOR" ? "Moderator" : "User";
}

export function RoleBadge({ role }: { role: UserRole }) {
  return (
    <Badge
      variant={role === "ADMIN" ? "default" : role === "MODERATOR" ? "secondary" : "outline"}
      data-testid="user-role"
    >
      {roleLabel(role)}
    </Badge>
  );
}

export function StatusBadge({ user }: { user: AdminUserRow }) {
  if (user.status === "deleted") return <Badge variant="outline">Deleted</Badge>;
  if (user.status === "banned") {
    return (
      <Badge
        variant="destructive"
        title={user.bannedAt ? `Banned ${formatUserDate(user.bannedAt)}` : undefined}
        data-testid="user-status"
      >
        Banned
      </Badge>
    );
  }
  return (
    <Badge variant="success" data-testid="user-status">
      Active
    </Badge>
  );
}

export function VerifiedText({ user }: { user: AdminUserRow }) {
  if (user.status === "deleted") return <span className="text-muted-foreground">—</span>;
  return user.isEmailVerified ? (
    <span>Verified</span>
  ) : (
    <span className="text-muted-foreground">Unverified</span>
  );
}
