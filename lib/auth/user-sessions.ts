import "server-only";
import { prisma } from "../db";
import { hotQuery } from "../db/hot-query";
import { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { describeUserAgent } from "./describe-user-agent";

/** How stale `lastSeenAt` may get before a request refreshes it (one write per session per span). */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;
const USER_AGENT_MAX_LENGTH = 300;

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  lastSeenAt: Date;
};

/**
 * The user of a live session: the row exists, belongs to that user, is not revoked, and the user
 * is not banned. On the driver (lib/db/hot-query.ts): every request of the app makes this read.
 */
export async function liveSessionUser(claims: {
  userId: string;
  sessionId: string;
}): Promise<SessionUser | null> {
  const [user] = await hotQuery<SessionUser & { bannedAt: Date | null; revokedAt: Date | null }>(
    Prisma.sql`
    SELECT u."id", u."email", u."name", u."role", u."bannedAt", s."revokedAt", s."lastSeenAt"
    FROM "User" u JOIN "UserSession" s ON s."userId" = u."id" AND s."id" = ${claims.sessionId}
    WHERE u."id" = ${claims.userId}`,
  );
  if (!user || user.bannedAt || user.revokedAt) return null;
  return user;
}

/** Records a new signed-in browser; its id goes into the session cookie (lib/auth/options.ts). */
export async function startUserSession(options: {
  userId: string;
  userAgent: string | null;
}): Promise<string> {
  const session = await prisma.userSession.create({
    data: {
      userId: options.userId,
      userAgent: options.userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
    },
    select: { id: true },
  });
  return session.id;
}

/** Ends one session (sign-out). Idempotent; a revoked session stays revoked. */
export async function revokeUserSession(sessionId: string): Promise<void> {
  await prisma.userSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/**
 * Ends every session of a user ("Sign out everywhere", a ban), or every one but the caller's own
 * (a password change keeps the browser that made it signed in). Runs in the caller's transaction
 * when given one.
 */
export async function revokeAllUserSessions(options: {
  userId: string;
  exceptSessionId?: string;
  tx?: Prisma.TransactionClient;
}): Promise<number> {
  const { count } = await (options.tx ?? prisma).userSession.updateMany({
    where: {
      userId: options.userId,
      revokedAt: null,
      ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return count;
}

/**
 * Moves `lastSeenAt` forward when it is older than the resolution: most requests write nothing.
 * Not awaited by callers: a lost refresh only makes the sessions list a few minutes less exact.
 */
export async function touchUserSession(sessionId: string, lastSeenAt: Date): Promise<void> {
  if (Date.now() - new Date(lastSeenAt).getTime() < LAST_SEEN_RESOLUTION_MS) return;
  await hotQuery(Prisma.sql`
    UPDATE "UserSession" SET "lastSeenAt" = now()
    WHERE "id" = ${sessionId} AND "lastSeenAt" < now() - interval '5 minutes'`);
}

export type UserSessionItem = {
  id: string;
  /** "Chrome on macOS" */
  device: string;
  createdAt: string;
  lastSeenAt: string;
  isCurrent: boolean;
};

/** The actor's live sessions, the current one first, then by last activity. */
export async function listUserSessions(actor: {
  id: string;
  sessionId?: string;
}): Promise<UserSessionItem[]> {
  const sessions = await prisma.userSession.findMany({
    where: { userId: actor.id, revokedAt: null },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return sessions
    .map((session) => ({
      id: session.id,
      device: describeUserAgent(session.userAgent),
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      isCurrent: session.id === actor.sessionId,
    }))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}

/** Ends one of the actor's own sessions from the sessions list (never someone else's). */
export async function revokeOwnSession(options: {
  actor: { id: string };
  sessionId: string;
}): Promise<boolean> {
  const { count } = await prisma.userSession.updateMany({
    where: { id: options.sessionId, userId: options.actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}
