import "server-only";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { getInstanceSecrets } from "../security/instance-secrets";
import { getAuthOptions } from "./options";
import { isModerator } from "./roles";
import { type Claims, claimsFromSessionToken } from "./session-token";
import { liveSessionUser, touchUserSession } from "./user-sessions";

/** next-auth's session cookie names (https prefixes __Secure-). */
const SESSION_COOKIE = "next-auth.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

export type Actor = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** The UserSession this request signed in with (absent for actors built outside a request). */
  sessionId?: string;
};

/**
 * The signed-in, non-banned user of a live session, re-read from the database on every request;
 * else null. A session is live until it is signed out, revoked (Sign out everywhere, a password
 * change, a ban) or expires. Cached per request: a page, its layout and its metadata share one
 * session check.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await sessionClaims();
  // Cookies from before sessions were recorded carry no session id: they sign in again once.
  if (!claims?.id || !claims.sid) return null;
  const user = await liveSessionUser({ userId: claims.id, sessionId: claims.sid });
  if (!user) return null;
  void touchUserSession(claims.sid, user.lastSeenAt).catch((error: unknown) => {
    console.error("[atelier] could not refresh a session's last activity", error);
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionId: claims.sid,
  };
});

/**
 * The session token's claims. next-auth's getServerSession derives the key, decrypts the token,
 * runs its callbacks and re-encrypts a new token on every call: about a millisecond of CPU, which
 * every request paid (most of all every chat message). The token is next-auth's own JWE ("dir",
 * A256GCM, key derived with HKDF from the secret, next-auth/jwt's decode): decrypting it with the
 * key derived once gives the same claims. Sliding the expiry stays next-auth's job (the client's
 * SessionProvider refreshes through /api/auth/session). A session next-auth split into several
 * cookies (large tokens) goes through getServerSession as before.
 */
async function sessionClaims(): Promise<Claims | undefined> {
  const jar = await cookies();
  const token = (jar.get(SECURE_SESSION_COOKIE) ?? jar.get(SESSION_COOKIE))?.value;
  if (!token) {
    const session = await getServerSession(await getAuthOptions());
    return session?.user as Claims | undefined;
  }
  const { authSecret } = await getInstanceSecrets();
  return claimsFromSessionToken(token, authSecret);
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

export { isModerator } from "./roles";

export async function requireModerator(): Promise<Actor> {
  const actor = await requireActor();
  if (!isModerator(actor)) throw new AppError("forbidden", "Moderators only.");
  return actor;
}
