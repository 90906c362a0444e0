import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { ACCOUNT_SUSPENDED, verifyCredentials } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db";
import { listUsersForAdmin } from "@/lib/users/queries";
import { setUserBanned } from "@/lib/users/set-user-banned";
import { createUserWithPassword } from "@/prisma/seed/users";
import { expectAppError } from "../../support/app-error";

async function createActor(role: "ADMIN" | "USER", email: string, name?: string): Promise<Actor> {
  const user = await prisma.user.create({
    data: { email, name: name ?? email.split("@")[0], role },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

describe("[ADMIN]: banning users", () => {
  it("bans and unbans a user, writing an audit row for each", async () => {
    const admin = await createActor("ADMIN", "ban-admin@example.com");
    const target = await createActor("USER", "troll@example.com");

    const banned = await setUserBanned({
      actor: admin,
      userId: target.id,
      banned: true,
      reason: "Spam",
    });
    expect(banned.bannedAt).not.toBeNull();
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).bannedAt,
    ).not.toBeNull();

    const unbanned = await setUserBanned({ actor: admin, userId: target.id, banned: false });
    expect(unbanned.bannedAt).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).bannedAt).toBeNull();

    const logs = await prisma.auditLog.findMany({
      where: { targetId: target.id },
      orderBy: { createdAt: "asc" },
    });
    expect(logs.map((log) => [log.action, log.actorId, log.targetType, log.targetId])).toEqual([
      ["user.ban", admin.id, "User", target.id],
      ["user.unban", admin.id, "User", target.id],
    ]);
  });

  it("treats a repeated ban as a no-op: the first ban time stays and one audit row is written", async () => {
    const admin = await createActor("ADMIN", "twice-admin@example.com");
    const target = await createActor("USER", "twice@example.com");
    const first = await setUserBanned({
      actor: admin,
      userId: target.id,
      banned: true,
      reason: "Spam",
    });
    const second = await setUserBanned({
      actor: admin,
      userId: target.id,
      banned: true,
      reason: "Spam",
    });
    expect(second.bannedAt).toBe(first.bannedAt);
    expect(await prisma.auditLog.count({ where: { targetId: target.id } })).toBe(1);
  });

  it("refuses to ban oneself or another admin, with a clear message", async () => {
    const admin = await createActor("ADMIN", "self-admin@example.com");
    const otherAdmin = await createActor("ADMIN", "other-admin@example.com");

    const self = await expectAppError(
      setUserBanned({ actor: admin, userId: admin.id, banned: true, reason: "Spam" }),
      "forbidden",
    );
    expect(self.message).toBe("You cannot ban your own account.");
    const other = await expectAppError(
      setUserBanned({ actor: admin, userId: otherAdmin.id, banned: true, reason: "Spam" }),
      "forbidden",
    );
    expect(other.message).toBe("Administrators cannot be banned.");

    const rows = await prisma.user.findMany({ where: { id: { in: [admin.id, otherAdmin.id] } } });
    expect(rows.every((row) => row.bannedAt === null)).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "user.ban", actorId: admin.id } })).toBe(
      0,
    );
  });

  it("forbids non-admins from banning and from listing users", async () => {
    const user = await createActor("USER", "sneaky@example.com");
    const victim = await createActor("USER", "victim@example.com");
    await expectAppError(
      setUserBanned({ actor: user, userId: victim.id, banned: true, reason: "Spam" }),
      "forbidden",
    );
    await expectAppError(listUsersForAdmin({ actor: user }), "forbidden");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: victim.id } })).bannedAt).toBeNull();
  });

  it("returns not found for an unknown user", async () => {
    const admin = await createActor("ADMIN", "ghost-admin@example.com");
    await expectAppError(
      setUserBanned({ actor: admin, userId: "nobody", banned: true, reason: "Spam" }),
      "not_found",
    );
  });

  it("a banned user cannot sign in with the right password until unbanned", async () => {
    const admin = await createActor("ADMIN", "signin-admin@example.com");
    const password = "correct horse battery staple";
    const user = await createUserWithPassword(prisma, {
      email: "banned-signin@example.com",
      password,
    });
    const input = { email: user.email, password };

    await setUserBanned({ actor: admin, userId: user.id, banned: true, reason: "Spam" });
    const error = await expectAppError(
      verifyCredentials({ input, ip: "203.0.113.9" }),
      "forbidden",
    );
    expect(error.message).toBe(ACCOUNT_SUSPENDED);

    await setUserBanned({ actor: admin, userId: user.id, banned: false });
    await expect(verifyCredentials({ input, ip: "203.0.113.9" })).resolves.toMatchObject({
      id: user.id,
    });
  });
});

describe("[ADMIN]: user list", () => {
  it("searches by email or name, case-insensitively, and reports the matching total", async () => {
    const admin = await createActor("ADMIN", "search-admin@example.com");
    await createActor("USER", "ada@lovelace.dev", "Ada Lovelace");
    await createActor("USER", "grace@navy.mil", "Grace Hopper");
    await createActor("USER", "alan@bletchley.uk", "Alan Turing");

    const byName = await listUsersForAdmin({ actor: admin, query: { q: "HOPPER" } });
    expect(byName.users.map((user) => user.email)).toEqual(["grace@navy.mil"]);
    expect(byName.total).toBe(1);

    const byEmail = await listUsersForAdmin({ actor: admin, query: { q: "lovelace.DEV" } });
    expect(byEmail.users.map((user) => user.email)).toEqual(["ada@lovelace.dev"]);

    const everyone = await listUsersForAdmin({ actor: admin, pageSize: 2 });
    expect(everyone.users).toHaveLength(2);
    expect(everyone.total).toBeGreaterThanOrEqual(4);
    expect(everyone.users[0]).not.toHaveProperty("passwordHash");
  });
});
