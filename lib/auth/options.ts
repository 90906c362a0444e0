import "server-only";
import { headers } from "next/headers";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "../env";
import { isAppError } from "../errors";
import { clientIp } from "../http/client-ip";
import { getInstanceSecrets } from "../security/instance-secrets";
import { networkHashOf } from "../security/network-hash";
import { linkOAuthAccount } from "./link-oauth-account";
import { liveSessionUser, revokeUserSession, startUserSession } from "./user-sessions";
import { verifyCredentials } from "./verify-credentials";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const SESSION_ENDED = "This session has ended.";

export function oauthProviderIds(): ("github" | "google")[] {
  const ids: ("github" | "google")[] = [];
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) ids.push("github");
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) ids.push("google");
  return ids;
}

/**
 * next-auth with JWT sessions in an httpOnly cookie (secure when APP_URL is https). The token only
 * carries the user id: every request re-reads the user (lib/auth/session.ts), so a ban or a role
 * change takes effect at once.
 */
export async function getAuthOptions(): Promise<AuthOptions> {
  const { authSecret } = await getInstanceSecrets();
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const headers = new Headers(req.headers as Record<string, string>);
        try {
          const user = await verifyCredentials({ input: credentials, ip: clientIp(headers) });
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          // next-auth passes the message of a thrown Error back to signIn() as `error`.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ];
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    providers.push(
      GitHubProvider({ clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET }),
    );
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }),
    );
  }
  return {
    secret: authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return true;
        // Signed in already: the user is connecting this provider from Settings → Security.
        // (Imported here: lib/auth/session imports this module.)
        const { getActor } = await import("./session");
        const signedIn = await getActor();
        const linked = await linkOAuthAccount({
          account,
          profile,
          fallbackEmail: user.email,
          signupNetworkHash: await networkHashOf(clientIp(await headers())),
          signedInUserId: signedIn?.id ?? null,
        });
        if (!linked.ok) {
          return signedIn
            ? `/settings/security?error=${linked.reason}`
            : `/sign-in?error=${linked.reason}`;
        }
        // This sign-in starts a new session for the browser: the one it replaces ends.
        if (signedIn?.sessionId) await revokeUserSession(signedIn.sessionId);
        user.id = linked.userId;
        return true;
      },
      async jwt({ token, user }) {
        // At sign-in: a UserSession row whose id the cookie carries (and keeps through the
        // token's periodic re-issue), checked on every request (lib/auth/session.ts).
        if (user) {
          token.sub = user.id;
          token.sid = await startUserSession({
            userId: user.id,
            userAgent: (await headers()).get("user-agent"),
          });
          return token;
        }
        // The browser's session check (/api/auth/session): a signed-out, revoked or banned
        // session throws, which makes next-auth answer "no session" and clear the cookie.
        const isLive =
          typeof token.sub === "string" &&
          typeof token.sid === "string" &&
          (await liveSessionUser({ userId: token.sub, sessionId: token.sid })) !== null;
        if (!isLive) throw new Error(SESSION_ENDED);
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) Object.assign(session.user, { id: token.sub });
        return session;
      },
    },
    logger: {
      // A signed-out or revoked cookie is an expected answer ("no session"), not an error.
      error(code, metadata) {
        const message = (metadata as { message?: string } | undefined)?.message;
        if (code === "JWT_SESSION_ERROR" && message === SESSION_ENDED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    events: {
      // Signing out ends the session on the server: the old cookie is refused from now on.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeUserSession(token.sid);
      },
    },
  };
}
