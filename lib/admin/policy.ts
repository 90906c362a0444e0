import { isModerator } from "../auth/roles";
import type { Actor } from "../auth/session";
import { AppError } from "../errors";

/**
 * Every admin domain function calls this itself, on top of the route wrapper's check: a function
 * reused from a new route or action later must not become an unauthenticated admin endpoint.
 */
export function assertAdmin(actor: Pick<Actor, "role"> | null | undefined): asserts actor is Actor {
  if (actor?.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
}

/** Moderation (reports, listing reviews, appeals): admins and moderators. */
export function assertModerator(
  actor: Pick<Actor, "role"> | null | undefined,
): asserts actor is Actor {
  if (!isModerator(actor)) throw new AppError("forbidden", "Moderators only.");
}

type Role = "USER" | "MODERATOR" | "ADMIN";
type UserTarget = { id: string; role: Role; deletedAt?: Date | null; bannedAt?: Date | null };

/**
 * Why `actor` may not ban `target`, or null when it may. Users and moderators can be banned;
 * administrators cannot (demote them first), nor can oneself or a deleted account. Unbanning is
 * always allowed.
 */
export function banRefusalReason(actor: Pick<Actor, "id">, target: UserTarget): string | null {
  if (actor.id === target.id) return "You cannot ban your own account.";
  if (target.deletedAt) return "This account was deleted by its owner.";
  if (target.role === "ADMIN") return "Administrators cannot be banned.";
  return null;
}

/**
 * Why `actor` may not give `target` the role `role`, or null when it may. The last-administrator
 * rule needs the database (lib/users/set-user-role.ts): it is checked there, under a lock.
 */
export function roleChangeRefusalReason(
  actor: Pick<Actor, "id">,
  target: UserTarget,
  role: Role,
): string | null {
  if (actor.id === target.id) return "You cannot change your own role.";
  if (target.deletedAt) return "This account was deleted by its owner.";
  if (target.bannedAt && role !== "USER") return "Unban this account before promoting it.";
  return null;
}
