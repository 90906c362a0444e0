import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as resetRequestRoute } from "@/app/api/auth/password-reset/route";
import { GET as accountRoute } from "@/app/api/me/account/route";
import { POST as changeEmailRoute } from "@/app/api/me/email/route";
import { POST as resendRoute } from "@/app/api/me/email/verification/route";
import { POST as passwordRoute } from "@/app/api/me/password/route";
import { DELETE as revokeSessionRoute } from "@/app/api/me/sessions/[id]/route";
import {
  GET as sessionsRoute,
  DELETE as signOutEverywhereRoute,
} from "@/app/api/me/sessions/route";
import type { Actor } from "@/lib/auth/session";
import { startUserSession } from "@/lib/auth/user-sessions";
import { prisma } from "@/lib/db";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let user: Actor & { sessionId: string };
let other: Actor & { sessionId: string };

beforeAll(async () => {
  const a = await createActor();
  const b = await createActor();
  user = { ...a, sessionId: await startUserSession({ userId: a.id, userAgent: "user" }) };
  other = { ...b, sessionId: await startUserSession({ userId: b.id, userAgent: "other" }) };
});

describe("[ACCOUNTS]: account routes answer only for the signed-in user", () => {
  it("refuses every account route when signed out (401)", async () => {
    setSessionActor(null);
    const responses = await Promise.all([
      accountRoute(appRequest("/api/me/account"), segment({})),
      sessionsRoute(appRequest("/api/me/sessions"), segment({})),
      signOutEverywhereRoute(appRequest("/api/me/sessions", { method: "DELETE" }), segment({})),
      revokeSessionRoute(
        appRequest(`/api/me/sessions/${user.sessionId}`, { method: "DELETE" }),
        segment({ id: user.sessionId }),
      ),
      passwordRoute(
        appRequest("/api/me/password", {
          method: "POST",
          body: { newPassword: "a long new password" },
        }),
        segment({}),
      ),
      changeEmailRoute(
        appRequest("/api/me/email", { method: "POST", body: { newEmail: "x@example.com" } }),
        segment({}),
      ),
      resendRoute(appRequest("/api/me/email/verification", { method: "POST" }), segment({})),
    ]);
    expect(responses.map((response) => response.status)).toEqual([
      401, 401, 401, 401, 401, 401, 401,
    ]);
    expect(
      await prisma.userSession.count({ where: { id: user.sessionId, revokedAt: { not: null } } }),
    ).toBe(0);
  });

  it("another user can neither list nor end someone's session (404), nor read their account", async () => {
    setSessionActor(other);
    const listed = await (await sessionsRoute(appRequest("/api/me/sessions"), segment({}))).json();
    expect(listed.sessions.map((session: { id: string }) => session.id)).toEqual([other.sessionId]);
    const revoke = await revokeSessionRoute(
      appRequest(`/api/me/sessions/${user.sessionId}`, { method: "DELETE" }),
      segment({ id: user.sessionId }),
    );
    expect(revoke.status).toBe(404);
    expect(
      await prisma.userSession.findUniqueOrThrow({ where: { id: user.sessionId } }),
    ).toMatchObject({ revokedAt: null });
    const account = await (await accountRoute(appRequest("/api/me/account"), segment({}))).json();
    expect(account.email).toBe(other.email);
  });

  it("'sign out everywhere' ends only the caller's sessions", async () => {
    setSessionActor(other);
    const response = await signOutEverywhereRoute(
      appRequest("/api/me/sessions", { method: "DELETE" }),
      segment({}),
    );
    expect(await response.json()).toEqual({ revoked: 1 });
    expect(
      await prisma.userSession.findUniqueOrThrow({ where: { id: user.sessionId } }),
    ).toMatchObject({ revokedAt: null });
  });

  it("the public reset request refuses a cross-site post and answers JSON field errors for a bad email", async () => {
    setSessionActor(null);
    const crossSite = await resetRequestRoute(
      appRequest("/api/auth/password-reset", {
        method: "POST",
        body: { email: user.email },
        headers: { origin: "https://evil.example" },
      }),
      segment({}),
    );
    expect(crossSite.status).toBe(403);
    const invalid = await resetRequestRoute(
      appRequest("/api/auth/password-reset", { method: "POST", body: { email: "not an email" } }),
      segment({}),
    );
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fieldErrors.email).toEqual([
      "Enter a valid email address.",
    ]);
  });
});
