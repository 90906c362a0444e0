import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as auditRoute } from "@/app/api/admin/audit/route";
import { describeAuditEntry } from "@/lib/admin/audit-describe";
import { listAuditLog } from "@/lib/admin/audit-queries";
import type { AuditLogPage } from "@/lib/admin/audit-schemas";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { setUserBanned } from "@/lib/users/set-user-banned";
import { setUserRole } from "@/lib/users/set-user-role";
import { createListedUser } from "../../support/admin-users";
import { expectAppError } from "../../support/app-error";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let admin: Actor;

beforeEach(async () => {
  admin = await createListedUser({ role: "ADMIN" });
  setSessionActor(admin);
});

async function audit(search: string): Promise<AuditLogPage> {
  const response = await auditRoute(appRequest(`/api/admin/audit?${search}`), segment({}));
  expect(response.status).toBe(200);
  return response.json();
}

const actions = (page: AuditLogPage) => page.entries.map((entry) => entry.action);

describe("[AUDIT]: the audit log", () => {
  it("[AUDIT]: lists newest first and filters by action, actor email, target and UTC date range", async () => {
    const alice = await createListedUser({ email: "alice@audit.test", name: "Alice" });
    const bob = await createListedUser({ email: "bob@audit.test", name: "Bob" });
    const row = (
      actorId: string | null,
      action: string,
      targetId: string,
      createdAt: string,
      targetType = "User",
    ) => ({ actorId, action, targetType, targetId, createdAt: new Date(createdAt) });
    await prisma.auditLog.createMany({
      data: [
        row(alice.id, "t.first", "u1", "2020-03-01T10:00:00Z"),
        row(bob.id, "t.second", "u2", "2020-03-02T23:59:00Z"),
        row(alice.id, "t.second", "u1", "2020-03-03T00:00:00Z"),
        row(null, "t.system", "job-1", "2020-03-04T12:00:00Z", "Job"),
      ],
    });
    const march = "from=2020-03-01&to=2020-03-31";

    const all = await audit(march);
    expect(actions(all)).toEqual(["t.system", "t.second", "t.second", "t.first"]);
    expect(all.entries[0]?.actor).toBeNull();
    expect(all.entries[1]?.actor).toMatchObject({ email: "alice@audit.test", name: "Alice" });
    expect(all.actions).toEqual(expect.arrayContaining(["t.first", "t.second", "t.system"]));

    expect(actions(await audit(`${march}&action=t.second`))).toEqual(["t.second", "t.second"]);
    const byBob = await audit(`${march}&actor=BOB@audit`);
    expect(byBob.entries.map((entry) => entry.target.id)).toEqual(["u2"]);
    const aboutU1 = await audit(`${march}&targetType=User&targetId=u1`);
    expect(actions(aboutU1)).toEqual(["t.second", "t.first"]);
    expect((await audit(`${march}&targetType=Job&targetId=u1`)).total).toBe(0);
    // Both ends are whole UTC days.
    expect(actions(await audit("from=2020-03-02&to=2020-03-02"))).toEqual(["t.second"]);
    expect(actions(await audit("from=2020-03-03&to=2020-03-03"))).toEqual(["t.second"]);
    expect(actions(await audit("to=2020-03-01"))).toEqual(["t.first"]);
    // A malformed date is no bound rather than an error.
    expect((await audit("from=yesterday&action=t.first")).total).toBe(1);
  });

  it("[AUDIT]: real admin actions land with their target named and read as sentences", async () => {
    const target = await createListedUser({ email: "spammer@audit.test" });
    const mod = await createListedUser({ email: "helper@audit.test" });
    await setUserBanned({ actor: admin, userId: target.id, banned: true, reason: "spam" });
    await setUserRole({ actor: admin, userId: mod.id, role: "MODERATOR" });
    const owner = await createListedUser();
    const gpt = await prisma.gpt.create({
      data: { ownerId: owner.id, slug: "audited-gpt", name: "Audited GPT" },
    });
    await prisma.auditLog.create({
      data: {
        actorId: admin.id,
        action: "gpt.feature",
        targetType: "Gpt",
        targetId: gpt.id,
        data: { slug: gpt.slug },
      },
    });

    const page = await audit(`actor=${encodeURIComponent(admin.email)}`);
    expect(page.entries.map((entry) => [entry.action, describeAuditEntry(entry)])).toEqual([
      ["gpt.feature", "featured “Audited GPT”"],
      ["user.role", "changed helper@audit.test's role from User to Moderator"],
      ["user.ban", "banned spammer@audit.test — reason: spam"],
    ]);
    expect(page.entries[0]?.target).toEqual({
      type: "Gpt",
      id: gpt.id,
      label: "Audited GPT",
      href: "/g/audited-gpt",
    });
    expect(page.entries[2]?.target).toMatchObject({ label: "spammer@audit.test", href: null });
    expect(page.entries[2]?.data).toEqual({ email: "spammer@audit.test", reason: "spam" });
    // An action this build has no sentence for still reads sensibly.
    expect(
      describeAuditEntry({
        action: "listing.approve",
        target: { type: "Gpt", id: "g1", label: "Tutor", href: null },
        data: null,
      }),
    ).toBe("listing approve · Tutor");
  });

  it("[AUDIT]: a deleted account's address is hidden, as actor and as target", async () => {
    const leaver = await createListedUser({ email: "leaver@audit.test" });
    await setUserBanned({ actor: admin, userId: leaver.id, banned: true, reason: "spam" });
    await prisma.auditLog.create({
      data: { actorId: leaver.id, action: "t.leaver", targetType: "Job", targetId: "x" },
    });
    await prisma.user.update({ where: { id: leaver.id }, data: { deletedAt: new Date() } });

    const about = await audit(`targetType=User&targetId=${leaver.id}`);
    expect(about.entries[0]?.target.label).toBe("Deleted account");
    expect(about.entries[0]?.data).toEqual({ reason: "spam" });
    expect(describeAuditEntry(about.entries[0]!)).toBe("banned a deleted account — reason: spam");
    const by = await audit("action=t.leaver");
    expect(by.entries[0]?.actor).toEqual({
      id: leaver.id,
      email: null,
      name: null,
      isDeleted: true,
    });
    expect(JSON.stringify([about, by])).not.toContain("leaver@audit.test");
  });

  it("[AUDIT]: pages 50 entries at a time", async () => {
    await prisma.auditLog.createMany({
      data: Array.from({ length: 55 }, (_, index) => ({
        action: "t.paged",
        targetType: "Job",
        targetId: String(index),
        createdAt: new Date(Date.UTC(2019, 0, 1, 0, index)),
      })),
    });
    const first = await audit("action=t.paged");
    expect(first).toMatchObject({ total: 55, page: 1, pageCount: 2 });
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]?.target.id).toBe("54");
    const second = await audit("action=t.paged&page=2");
    expect(second.entries.map((entry) => entry.target.id)).toEqual(["4", "3", "2", "1", "0"]);
  });

  it("[AUDIT]: admins only: moderators and users are refused", async () => {
    for (const role of ["MODERATOR", "USER"] as const) {
      const actor = await createListedUser({ role });
      await expectAppError(listAuditLog({ actor }), "forbidden");
      setSessionActor(actor);
      const response = await auditRoute(appRequest("/api/admin/audit"), segment({}));
      expect(response.status).toBe(403);
    }
    setSessionActor(null);
    expect((await auditRoute(appRequest("/api/admin/audit"), segment({}))).status).toBe(401);
  });
});
