import { encode } from "next-auth/jwt";

/** The cookie next-auth sets over http (https prefixes it with __Secure-). */
export const SESSION_COOKIE = "next-auth.session-token";

/**
 * A session cookie as next-auth issues at sign-in (lib/auth/options.ts: JWT strategy, the user id
 * in `sub`, the sign-in time in `authAt`), sealed with the AUTH_SECRET the app process runs with:
 * tests of a real server process sign in without the sign-in form.
 */
export async function sessionCookie(user: { id: string; email: string }, secret: string) {
  const token = await encode({
    token: { sub: user.id, email: user.email, authAt: Date.now() },
    secret,
    maxAge: 60 * 60,
  });
  return `${SESSION_COOKIE}=${token}`;
}
