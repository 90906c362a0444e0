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

type BanTarget = { id: string; role: "USER" | "MODERATOR" | "ADMIN" };

/** Why `actor` may not ban `target`, or null when it may. Unbanning is always allowed. */
export function banRefusalReason(actor: Pick<Actor, "id">, target: BanTarget): string | null {
  if (actor.id === target.id) return "You cannot ban your own account.";
  if (target.role === "ADMIN") return "Administrators cannot be banned.";
  return null;
}
