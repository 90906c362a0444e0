import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { getAuthOptions } from "./options";

export type Actor = { id: string; email: string; name: string | null; role: Role };

/**
 * The signed-in, non-banned user, re-read from the database on every request; else null.
 * Cached per request: a page, its layout and its metadata share one session check.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(await getAuthOptions());
  const claims = session?.user as { id?: string; authAt?: number } | undefined;
  if (!claims?.id) return null;
  const user = await prisma.user.findUnique({
    where: { id: claims.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      bannedAt: true,
      sessionsRevokedAt: true,
    },
  });
  if (!user || user.bannedAt) return null;
  if (user.sessionsRevokedAt && (claims.authAt ?? 0) < user.sessionsRevokedAt.getTime())
    return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthorized", "Sign in to continue.");
  return actor;
}

export async function requireAdmin(): Promise<Actor> {
  const actor = await requireActor();
  if (actor.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  return actor;
}

export function isAdmin(actor: Actor | null): boolean {
  return actor?.role === "ADMIN";
}
