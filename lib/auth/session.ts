import "server-only";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { getAuthOptions } from "./options";

/** next-auth's session cookie names (https prefixes __Secure-). */
const SESSION_COOKIE = "next-auth.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

export type Actor = { id: string; email: string; name: string | null; role: Role };

/**
 * The signed-in, non-banned user, re-read from the database on every request; else null.
 * Cached per request: a page, its layout and its metadata share one session check.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await sessionClaims();
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

type Claims = { id?: string; authAt?: number };

/**
 * Decoded session tokens, by token. next-auth decrypts the token and re-encrypts it (to slide
 * its expiry) on every call, two key derivations and two ciphers: half a millisecond a request,
 * which every chat message paid. A token maps to the same claims for its whole life, so a decoded
 * one is reused for a minute (the slide then happens at most once a minute, against a 30-day
 * lifetime). Bans, revocations and role changes still apply at once: getActor re-reads the user
 * on every request.
 */
const CLAIMS_TTL_MS = 60_000;
const claimsHolder = globalThis as unknown as {
  atelierSessionClaims?: Map<string, { claims: Claims; expiresAt: number }>;
};
claimsHolder.atelierSessionClaims ??= new Map();
const decodedTokens = claimsHolder.atelierSessionClaims;

async function sessionClaims(): Promise<Claims | undefined> {
  const jar = await cookies();
  const token = (jar.get(SECURE_SESSION_COOKIE) ?? jar.get(SESSION_COOKIE))?.value;
  const now = Date.now();
  // No single cookie (signed out, or a token next-auth split into chunks): next-auth decides.
  const hit = token ? decodedTokens.get(token) : undefined;
  if (hit && hit.expiresAt > now) return hit.claims;
  const session = await getServerSession(await getAuthOptions());
  const claims = session?.user as Claims | undefined;
  if (token && claims?.id) {
    if (decodedTokens.size >= 10_000) decodedTokens.clear();
    decodedTokens.set(token, {
      claims: { id: claims.id, authAt: claims.authAt },
      expiresAt: now + CLAIMS_TTL_MS,
    });
  }
  return claims;
}

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
