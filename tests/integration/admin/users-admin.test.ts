import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as resetLinkRoute } from "@/app/api/admin/users/[id]/reset-link/route";
import { PATCH as patchUserRoute } from "@/app/api/admin/users/[id]/route";
import { GET as listUsersRoute } from "@/app/api/admin/users/route";
import { resetPassword } from "@/lib/accounts/reset-password";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { listUsersForAdmin } from "@/lib/users/queries";
import type { AdminUserPage } from "@/lib/users/schemas";
import { sendResetLink } from "@/lib/users/send-reset-link";
import { setUserBanned } from "@/lib/users/set-user-banned";
import { LAST_ADMIN_REFUSAL, setUserRole } from "@/lib/users/set-user-role";
import { auditRowsAbout, createListedUser, liveSessionCount } from "../../support/admin-users";
import { expectAppError } from "../../support/app-error";
import { lastEmailTo, tokenFromEmail } from "../../support/mailbox";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const DAY_MS = 24 * 60 * 60 * 1000;
let admin: Actor;

beforeEach(async () => {
  admin = await createListedUser({ role: "ADMIN" });
  setSessionActor(admin);
});

async function list(search: string): Promise<AdminUserPage> {
  const response = await listUsersRoute(appRequest(`/api/admin/users?${search}`), segment({}));
  expect(response.status).toBe(200);
  return response.json();
}

const emails = (page: AdminUserPage) => page.users.map((user) => user.email);

function patchUser(userId: string, body: unknown) {
  return patchUserRoute(
    appRequest(`/api/admin/users/${userId}`, { method: "PATCH", body }),
    segment({ id: userId }),
  );
}

describe("[ADMIN USERS]: the Users list", () => {
  it("[ADMIN USERS]: searches, filters by role and status, sorts newest or oldest, and shows counts", async () => {
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
    const plain = await createListedUser({
      email: "plain@filters.test",
      name: "Plain Person",
      createdAt: at(5),
      sessions: 2,
    });
    await prisma.gpt.create({ data: { ownerId: plain.id, slug: "plain-gpt", name: "Plain GPT" } });
    await createListedUser({ email: "mod@filters.test", role: "MODERATOR", createdAt: at(4) });
    await createListedUser({ email: "boss@filters.test", role: "ADMIN", createdAt: at(3) });
    await createListedUser({ email: "spam@filters.test", bannedReason: "Spam", createdAt: at(2) });
    await createListedUser({ email: "new@filters.test", isVerified: false, createdAt: at(1) });
    const gone = await createListedUser({
      email: "gone@filters.test",
      name: "Gone",
      isDeleted: true,
      createdAt: at(0.5),
    });

    const everyone = await list("q=FILTERS.test");
    // Deleted accounts are not found by what is left of their email.
    expect(emails(everyone)).toEqual([
      "new@filters.test",
      "spam@filters.test",
      "boss@filters.test",
      "mod@filters.test",
      "plain@filters.test",
    ]);
    expect(everyone.total).toBe(5);
    expect(emails(await list("q=filters.test&sort=oldest"))).toEqual(
      [...emails(everyone)].reverse(),
    );
    expect(emails(await list("q=Plain%20PERSON"))).toEqual(["plain@filters.test"]);
    expect(emails(await list("q=filters.test&role=moderator"))).toEqual(["mod@filters.test"]);
    expect(emails(await list("q=filters.test&role=admin"))).toEqual(["boss@filters.test"]);
    expect(emails(await list("q=filters.test&status=unverified"))).toEqual(["new@filters.test"]);
    expect(emails(await list("q=filters.test&status=active"))).toEqual([
      "new@filters.test",
      "boss@filters.test",
      "mod@filters.test",
      "plain@filters.test",
    ]);
    const banned = await list("q=filters.test&status=banned");
    expect(banned.users).toEqual([
      expect.objectContaining({
        email: "spam@filters.test",
        status: "banned",
        bannedReason: "Spam",
      }),
    ]);

    const deleted = await list("status=deleted");
    expect(deleted.users.every((user) => user.status === "deleted")).toBe(true);
    expect(deleted.users.find((user) => user.id === gone.id)).toMatchObject({
      email: null,
      name: null,
    });

    const [plainRow] = (await list("q=plain@filters.test")).users;
    expect(plainRow).toMatchObject({
      role: "USER",
      status: "active",
      isEmailVerified: true,
      gptCount: 1,
      sessionCount: 2,
    });
    expect(plainRow).not.toHaveProperty("passwordHash");

    // Unknown values in a hand-edited URL fall back to the defaults.
    const fallback = await list("q=filters.test&role=superuser&status=zzz&sort=sideways&page=-3");
    expect(fallback.query).toMatchObject({ role: "all", status: "all", sort: "newest", page: 1 });
    expect(fallback.total).toBe(5);
  });

  it("[ADMIN USERS]: pages 50 at a time and clamps a page past the end", async () => {
    const start = Date.now() - 1000 * DAY_MS;
    await prisma.user.createMany({
      data: Array.from({ length: 55 }, (_, index) => ({
        email: `paged${String(index).padStart(2, "0")}@paging.test`,
        createdAt: new Date(start + index * 60_000),
      })),
    });
    const first = await list("q=paging.test");
    expect(first).toMatchObject({ total: 55, page: 1, pageCount: 2, pageSize: 50 });
    expect(first.users).toHaveLength(50);
    expect(first.users[0]?.email).toBe("paged54@paging.test");
    const second = await list("q=paging.test&page=2");
    expect(emails(second)).toEqual([
      "paged04@paging.test",
      "paged03@paging.test",
      "paged02@paging.test",
      "paged01@paging.test",
      "paged00@paging.test",
    ]);
    expect((await list("q=paging.test&page=99")).page).toBe(2);
  });

  it("[ADMIN USERS]: moderators and users cannot list users or change anyone", async () => {
    const target = await createListedUser();
    for (const role of ["MODERATOR", "USER"] as const) {
      const actor = await createListedUser({ role });
      await expectAppError(listUsersForAdmin({ actor }), "forbidden");
      await expectAppError(setUserRole({ actor, userId: target.id, role: "ADMIN" }), "forbidden");
      await expectAppError(
        setUserBanned({ actor, userId: target.id, banned: true, reason: "x" }),
        "forbidden",
      );
      await expectAppError(sendResetLink({ actor, userId: target.id }), "forbidden");
      setSessionActor(actor);
      expect((await patchUser(target.id, { role: "ADMIN" })).status).toBe(403);
    }
    expect(await auditRowsAbout(target.id)).toEqual([]);
  });
});

describe("[ADMIN USERS]: roles", () => {
  it("[ADMIN USERS]: promotes a user to moderator then admin and back, one audit row per change", async () => {
    const target = await createListedUser({ email: "climber@roles.test" });
    const promoted = await patchUser(target.id, { role: "MODERATOR" });
    expect(promoted.status).toBe(200);
    expect((await promoted.json()).user).toMatchObject({ id: target.id, role: "MODERATOR" });
    expect((await patchUser(target.id, { role: "ADMIN" })).status).toBe(200);
    expect((await patchUser(target.id, { role: "ADMIN" })).status).toBe(200); // no change
    expect((await patchUser(target.id, { role: "USER" })).status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("USER");
    const rows = await auditRowsAbout(target.id);
    expect(rows.map((row) => [row.action, row.actorId, row.data])).toEqual([
      ["user.role", admin.id, { email: "climber@roles.test", from: "USER", to: "MODERATOR" }],
      ["user.role", admin.id, { email: "climber@roles.test", from: "MODERATOR", to: "ADMIN" }],
      ["user.role", admin.id, { email: "climber@roles.test", from: "ADMIN", to: "USER" }],
    ]);

    const invalid = await patchUser(target.id, { role: "ROOT" });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fieldErrors.role).toBeDefined();
    const both = await patchUser(target.id, { role: "USER", banned: false });
    expect(both.status).toBe(400);
  });

  it("[ADMIN USERS]: an admin cannot change their own role; banned and deleted accounts are not promoted", async () => {
    const self = await patchUser(admin.id, { role: "USER" });
    expect(self.status).toBe(403);
    expect((await self.json()).error.message).toBe("You cannot change your own role.");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");

    const banned = await createListedUser({ bannedReason: "Spam" });
    const refused = await patchUser(banned.id, { role: "MODERATOR" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe("Unban this account before promoting it.");
    const deleted = await createListedUser({ isDeleted: true });
    expect((await patchUser(deleted.id, { role: "ADMIN" })).status).toBe(403);
    expect((await patchUser("no-such-user", { role: "ADMIN" })).status).toBe(404);
    expect(await auditRowsAbout(banned.id)).toEqual([]);
  });

  it("[ADMIN USERS]: the last admin cannot be demoted, and two admins demoting each other leave one", async () => {
    // Only the two admins of this test.
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { role: "USER" } });
    const first = await createListedUser({ role: "ADMIN", email: "first@admins.test" });
    const second = await createListedUser({ role: "ADMIN", email: "second@admins.test" });

    await setUserRole({ actor: first, userId: second.id, role: "MODERATOR" });
    // `second` still holds an ADMIN actor from before (a request already past the role check).
    const last = await expectAppError(
      setUserRole({ actor: second, userId: first.id, role: "USER" }),
      "conflict",
    );
    expect(last.message).toBe(LAST_ADMIN_REFUSAL);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("ADMIN");

    await setUserRole({ actor: first, userId: second.id, role: "ADMIN" });
    const outcomes = await Promise.allSettled([
      setUserRole({ actor: first, userId: second.id, role: "USER" }),
      setUserRole({ actor: second, userId: first.id, role: "USER" }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await prisma.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });
});

describe("[ADMIN USERS]: bans", () => {
  it("[ADMIN USERS]: a ban needs a reason, ends every session, keeps the reason and audits it; unban clears it", async () => {
    const target = await createListedUser({
      email: "troll@bans.test",
      role: "MODERATOR",
      sessions: 2,
    });
    const missing = await patchUser(target.id, { banned: true });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fieldErrors.reason).toEqual([
      "Say why this account is banned.",
    ]);
    const blank = await patchUser(target.id, { banned: true, reason: "   " });
    expect(blank.status).toBe(400);
    expect(await liveSessionCount(target.id)).toBe(2);

    const banned = await patchUser(target.id, { banned: true, reason: "  Spam links  " });
    expect(banned.status).toBe(200);
    expect((await banned.json()).user).toMatchObject({
      status: "banned",
      bannedReason: "Spam links",
      sessionCount: 0,
    });
    expect(await liveSessionCount(target.id)).toBe(0);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.bannedAt).not.toBeNull();
    expect(row.bannedReason).toBe("Spam links");
    // A moderator can be banned; the role stays (unbanning gives it back).
    expect(row.role).toBe("MODERATOR");

    const unbanned = await patchUser(target.id, { banned: false });
    expect(unbanned.status).toBe(200);
    expect((await unbanned.json()).user).toMatchObject({ status: "active", bannedReason: null });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect([after.bannedAt, after.bannedReason]).toEqual([null, null]);

    const rows = await auditRowsAbout(target.id);
    expect(rows.map((entry) => [entry.action, entry.actorId, entry.data])).toEqual([
      ["user.ban", admin.id, { email: "troll@bans.test", reason: "Spam links" }],
      ["user.unban", admin.id, { email: "troll@bans.test" }],
    ]);
  });

  it("[ADMIN USERS]: admins, oneself and deleted accounts cannot be banned", async () => {
    const otherAdmin = await createListedUser({ role: "ADMIN" });
    const deleted = await createListedUser({ isDeleted: true });
    const refusals = [];
    for (const userId of [otherAdmin.id, admin.id, deleted.id]) {
      const response = await patchUser(userId, { banned: true, reason: "Spam" });
      expect(response.status).toBe(403);
      refusals.push((await response.json()).error.message);
    }
    expect(refusals).toEqual([
      "Administrators cannot be banned.",
      "You cannot ban your own account.",
      "This account was deleted by its owner.",
    ]);
    expect(await prisma.auditLog.count({ where: { action: "user.ban", actorId: admin.id } })).toBe(
      0,
    );
  });
});

describe("[ADMIN USERS]: password reset links", () => {
  it("[ADMIN USERS]: emails the normal reset link, which works, and audits the send", async () => {
    const target = await createListedUser({ email: "forgetful@reset.test", name: "Forgetful" });
    const response = await resetLinkRoute(
      appRequest(`/api/admin/users/${target.id}/reset-link`, { method: "POST" }),
      segment({ id: target.id }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: "forgetful@reset.test" });

    const mail = await lastEmailTo("forgetful@reset.test", "reset-password");
    expect(mail?.userId).toBe(target.id);
    const token = tokenFromEmail(mail?.text, "/reset-password");
    await resetPassword({ input: { token, password: "a brand new password 123" } });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.passwordHash).not.toBeNull();

    const rows = await auditRowsAbout(target.id);
    expect(rows.map((entry) => [entry.action, entry.actorId, entry.data])).toEqual([
      ["user.reset-link", admin.id, { email: "forgetful@reset.test" }],
    ]);
  });

  it("[ADMIN USERS]: refuses banned and deleted accounts, sending nothing", async () => {
    const banned = await createListedUser({ email: "banned@reset.test", bannedReason: "Spam" });
    const deleted = await createListedUser({ email: "deleted@reset.test", isDeleted: true });
    for (const user of [banned, deleted]) {
      const response = await resetLinkRoute(
        appRequest(`/api/admin/users/${user.id}/reset-link`, { method: "POST" }),
        segment({ id: user.id }),
      );
      expect(response.status).toBe(409);
      expect(await lastEmailTo(user.email)).toBeNull();
      expect(await auditRowsAbout(user.id)).toEqual([]);
    }
  });
});
