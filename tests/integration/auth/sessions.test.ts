import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getActor } from "@/lib/auth/session";
import {
  listUserSessions,
  revokeAllUserSessions,
  revokeOwnSession,
  revokeUserSession,
  startUserSession,
  touchUserSession,
} from "@/lib/auth/user-sessions";
import { prisma } from "@/lib/db";
import { getInstanceSecrets } from "@/lib/security/instance-secrets";
import { setUserBanned } from "@/lib/users/set-user-banned";
import { createActor } from "../../support/factories";

// The request's cookie jar, as Next would give it to lib/auth/session.ts.
const jar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === "next-auth.session-token" && jar.token ? { name, value: jar.token } : undefined,
  }),
  headers: async () => new Headers(),
}));

async function useCookieOf(userId: string, sessionId?: string) {
  const { authSecret } = await getInstanceSecrets();
  jar.token = await encode({
    token: { sub: userId, ...(sessionId ? { sid: sessionId } : {}) },
    secret: authSecret,
  });
}

beforeEach(() => {
  jar.token = undefined;
});

describe("[AUTH]: sessions end on the server", () => {
  it("a live session signs its user in; once signed out, the same cookie is refused", async () => {
    const user = await createActor();
    const sessionId = await startUserSession({ userId: user.id, userAgent: "Firefox" });
    await useCookieOf(user.id, sessionId);
    expect(await getActor()).toMatchObject({ id: user.id, sessionId });

    await revokeUserSession(sessionId);
    expect(await getActor()).toBeNull();
  });

  it("refuses a cookie without a session id, and one naming another user's session", async () => {
    const user = await createActor();
    const other = await createActor();
    await useCookieOf(user.id);
    expect(await getActor()).toBeNull();
    const othersSession = await startUserSession({ userId: other.id, userAgent: null });
    await useCookieOf(user.id, othersSession);
    expect(await getActor()).toBeNull();
  });

  it("'sign out everywhere' ends every session; a password change keeps only the one that made it", async () => {
    const user = await createActor();
    const [laptop, phone] = await Promise.all(
      ["laptop", "phone", "tablet"].map((userAgent) =>
        startUserSession({ userId: user.id, userAgent }),
      ),
    );
    expect(await revokeAllUserSessions({ userId: user.id, exceptSessionId: laptop })).toBe(2);
    await useCookieOf(user.id, phone);
    expect(await getActor()).toBeNull();
    await useCookieOf(user.id, laptop);
    expect(await getActor()).not.toBeNull();

    expect(await revokeAllUserSessions({ userId: user.id })).toBe(1);
    expect(await getActor()).toBeNull();
    expect(await prisma.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it("a ban ends every session and an unban does not bring them back", async () => {
    const admin = await createActor({ role: "ADMIN" });
    const user = await createActor();
    const sessionId = await startUserSession({ userId: user.id, userAgent: null });
    await setUserBanned({ actor: admin, userId: user.id, banned: true, reason: "Spam" });
    await setUserBanned({ actor: admin, userId: user.id, banned: false });
    await useCookieOf(user.id, sessionId);
    expect(await getActor()).toBeNull();
  });

  it("lists a user's own live sessions, the current one first, and signs out only their own", async () => {
    const user = await createActor();
    const other = await createActor();
    const older = await startUserSession({
      userId: user.id,
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    });
    const current = await startUserSession({
      userId: user.id,
      userAgent:
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
    });
    const othersSession = await startUserSession({ userId: other.id, userAgent: null });

    const listed = await listUserSessions({ id: user.id, sessionId: current });
    expect(listed.map((session) => [session.id, session.device, session.isCurrent])).toEqual([
      [current, "Chrome on Linux", true],
      [older, "Safari on iPhone", false],
    ]);
    expect(await revokeOwnSession({ actor: user, sessionId: othersSession })).toBe(false);
    expect(
      await prisma.userSession.findUniqueOrThrow({ where: { id: othersSession } }),
    ).toMatchObject({
      revokedAt: null,
    });
    expect(await revokeOwnSession({ actor: user, sessionId: older })).toBe(true);
    expect((await listUserSessions({ id: user.id, sessionId: current })).map((s) => s.id)).toEqual([
      current,
    ]);
  });

  it("records last activity at most every five minutes", async () => {
    const user = await createActor();
    const sessionId = await startUserSession({ userId: user.id, userAgent: null });
    const fresh = await prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    await touchUserSession(sessionId, fresh.lastSeenAt);
    expect(
      (await prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt,
    ).toEqual(fresh.lastSeenAt);

    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
    await prisma.userSession.update({
      where: { id: sessionId },
      data: { lastSeenAt: tenMinutesAgo },
    });
    await touchUserSession(sessionId, tenMinutesAgo);
    const touched = await prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(tenMinutesAgo.getTime() + 5 * 60 * 1000);
  });
});
