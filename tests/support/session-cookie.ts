import { encode } from "next-auth/jwt";

/** The cookie next-auth sets over http (https prefixes it with __Secure-). */
export const SESSION_COOKIE = "next-auth.session-token";

/**
 * A session cookie as next-auth issues at sign-in (lib/auth/options.ts: JWT strategy, the user id
 * in `sub`, their UserSession row in `sid`), sealed with the AUTH_SECRET the app process runs
 * with: tests of a real server process sign in without the sign-in form. The session row must be
 * in the database that process uses (createSignedInActor in tests/support/factories.ts).
 */
export async function sessionCookie(
  user: { id: string; email: string; sessionId: string },
  secret: string,
) {
  const token = await encode({
    token: { sub: user.id, email: user.email, sid: user.sessionId },
    secret,
    maxAge: 60 * 60,
  });
  return `${SESSION_COOKIE}=${token}`;
}
