import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/**
 * Stand-in for lib/auth/session in route-handler integration tests: next-auth needs a real
 * request cycle, so the signed-in actor is set directly; everything below the session (route
 * wrapper, domain functions, database) stays real. Use with
 *   vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));
 * E2E tests never do this: they sign in for real.
 */
let current: Actor | null = null;

export function setSessionActor(actor: Actor | null): void {
  current = actor;
}

export async function getActor(): Promise<Actor | null> {
  return current;
}

export async function requireActor(): Promise<Actor> {
  if (!current) throw new AppError("unauthorized", "Sign in to continue.");
  return current;
}

export async function requireAdmin(): Promise<Actor> {
  const actor = await requireActor();
  if (actor.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  return actor;
}

export function isAdmin(actor: Actor | null): boolean {
  return actor?.role === "ADMIN";
}

export { isModerator } from "@/lib/auth/roles";

export async function requireModerator(): Promise<Actor> {
  const actor = await requireActor();
  if (actor.role !== "ADMIN" && actor.role !== "MODERATOR") {
    throw new AppError("forbidden", "Moderators only.");
  }
  return actor;
}
