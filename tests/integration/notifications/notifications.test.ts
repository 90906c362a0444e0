import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  PATCH as patchSettingsRoute,
  GET as settingsRoute,
} from "@/app/api/me/notification-settings/route";
import { POST as readRoute } from "@/app/api/me/notifications/read/route";
import { GET as listRoute } from "@/app/api/me/notifications/route";
import { GET as unreadCountRoute } from "@/app/api/me/notifications/unread-count/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import type { NotificationItem, NotificationsPage } from "@/lib/notifications/schemas";
import { createActor } from "../../support/factories";
import { createNotification } from "../../support/notifications";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let user: Actor;
let other: Actor;

beforeEach(async () => {
  user = await createActor();
  other = await createActor();
  setSessionActor(null);
});

const approved = {
  kind: "listing.approved",
  title: "“Recipe Helper” is in the store",
  body: "A moderator approved your GPT.\n\nIt is now listed publicly.",
  href: "/gpts",
} as const;

async function rowsOf(userId: string) {
  return prisma.notification.findMany({ where: { userId } });
}

async function emailsTo(userId: string) {
  return prisma.outboundEmail.findMany({ where: { userId, kind: "notification" } });
}

async function list(actor: Actor | null, query = "") {
  setSessionActor(actor);
  return listRoute(appRequest(`/api/me/notifications${query}`), segment({}));
}

async function listJson(actor: Actor, query = ""): Promise<NotificationsPage> {
  const response = await list(actor, query);
  expect(response.status).toBe(200);
  return response.json();
}

async function markRead(actor: Actor | null, body: unknown) {
  setSessionActor(actor);
  return readRoute(appRequest("/api/me/notifications/read", { method: "POST", body }), segment({}));
}

describe("[NOTIFICATIONS]: notify()", () => {
  it("a notification written in a transaction that rolls back leaves no row and no email", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        const email = await notify(tx, { userId: user.id, ...approved });
        expect(email).not.toBeNull();
        throw new Error("the moderation change failed");
      }),
    ).rejects.toThrow("the moderation change failed");
    expect(await rowsOf(user.id)).toHaveLength(0);
    expect(await emailsTo(user.id)).toHaveLength(0);
  });

  it("with emails on, the row and one notification email land with the commit", async () => {
    const email = await prisma.$transaction((tx) => notify(tx, { userId: user.id, ...approved }));
    const [row] = await rowsOf(user.id);
    expect(row).toMatchObject({ title: approved.title, body: approved.body, readAt: null });
    const emails = await emailsTo(user.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ id: email?.id, to: user.email, subject: approved.title });
    expect(emails[0]?.text).toContain("It is now listed publicly.");
    expect(emails[0]?.text).toContain("/settings/notifications");
  });

  it("a user with emails off gets the row but no OutboundEmail", async () => {
    await prisma.user.update({ where: { id: user.id }, data: { emailNotifications: false } });
    const email = await prisma.$transaction((tx) => notify(tx, { userId: user.id, ...approved }));
    expect(email).toBeNull();
    expect(await rowsOf(user.id)).toHaveLength(1);
    expect(await emailsTo(user.id)).toHaveLength(0);
  });

  it("banned and deleted users get neither a row nor an email", async () => {
    await prisma.user.update({ where: { id: user.id }, data: { bannedAt: new Date() } });
    await prisma.user.update({ where: { id: other.id }, data: { deletedAt: new Date() } });
    for (const userId of [user.id, other.id]) {
      const email = await prisma.$transaction((tx) => notify(tx, { userId, ...approved }));
      expect(email).toBeNull();
      expect(await rowsOf(userId)).toHaveLength(0);
      expect(await emailsTo(userId)).toHaveLength(0);
    }
  });
});

describe("[NOTIFICATIONS]: listing", () => {
  it("lists only the actor's own, newest first, 20 a page, with the unread count", async () => {
    // 25 rows; four share one createdAt across the page boundary, so paging must break ties by id.
    const tie = new Date(Date.now() - 19.5 * 60_000);
    for (let index = 0; index < 25; index += 1) {
      await createNotification(user.id, {
        title: `n${index}`,
        ...(index >= 18 && index <= 21 ? { createdAt: tie } : { minutesAgo: index }),
        isRead: index % 5 === 0,
      });
    }
    await createNotification(other.id, { title: "someone else's" });

    const first = await listJson(user);
    expect(first.notifications).toHaveLength(20);
    expect(first.unreadCount).toBe(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listJson(user, `?cursor=${encodeURIComponent(first.nextCursor ?? "")}`);
    expect(second.notifications).toHaveLength(5);
    expect(second.nextCursor).toBeNull();

    const all = [...first.notifications, ...second.notifications];
    expect(new Set(all.map((item) => item.id)).size).toBe(25);
    expect(all.some((item) => item.title === "someone else's")).toBe(false);
    const times = all.map((item) => Date.parse(item.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({ title: "n0", href: "/gpts", kind: "listing.approved" });
    expect(all[0]?.readAt).toEqual(expect.any(String));
    expect(all[1]?.readAt).toBeNull();
  });

  it("the Unread filter lists unread ones only, and pages through them", async () => {
    for (let index = 0; index < 24; index += 1) {
      await createNotification(user.id, {
        title: `n${index}`,
        minutesAgo: index,
        isRead: index < 2,
      });
    }
    const first = await listJson(user, "?unread=1");
    expect(first.notifications).toHaveLength(20);
    expect(first.notifications.every((item: NotificationItem) => item.readAt === null)).toBe(true);
    expect(first.notifications[0]?.title).toBe("n2");
    // Marking the whole first page read between two clicks neither skips nor repeats a row.
    expect((await markRead(user, { ids: first.notifications.map((item) => item.id) })).status).toBe(
      200,
    );
    const second = await listJson(
      user,
      `?unread=1&cursor=${encodeURIComponent(first.nextCursor ?? "")}`,
    );
    expect(second.notifications.map((item) => item.title)).toEqual(["n22", "n23"]);
    expect(second.unreadCount).toBe(2);
  });

  it("a malformed cursor is a 400, not a server error", async () => {
    const response = await list(user, "?cursor=not-a-cursor");
    expect(response.status).toBe(400);
  });
});

describe("[NOTIFICATIONS]: mark as read and unread count", () => {
  it("mark-read touches only the actor's rows; another user's id in ids stays unread", async () => {
    const mine = await createNotification(user.id);
    const alsoMine = await createNotification(user.id, { minutesAgo: 1 });
    const theirs = await createNotification(other.id);

    const response = await markRead(user, { ids: [mine.id, theirs.id, "no-such-id"] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ updated: 1, unreadCount: 1 });
    const rows = await prisma.notification.findMany({
      where: { id: { in: [mine.id, alsoMine.id, theirs.id] } },
    });
    const readAtOf = (id: string) => rows.find((row) => row.id === id)?.readAt;
    expect(readAtOf(mine.id)).toBeInstanceOf(Date);
    expect(readAtOf(alsoMine.id)).toBeNull();
    expect(readAtOf(theirs.id)).toBeNull();
  });

  it("all: true marks every one of the actor's and nobody else's, keeping first readAt", async () => {
    const earlier = new Date(Date.now() - 3_600_000);
    const alreadyRead = await prisma.notification.create({
      data: { userId: user.id, kind: "gpt.restored", title: "t", readAt: earlier },
    });
    await createNotification(user.id);
    await createNotification(user.id, { minutesAgo: 2 });
    const theirs = await createNotification(other.id);

    const response = await markRead(user, { all: true });
    expect(await response.json()).toEqual({ updated: 2, unreadCount: 0 });
    expect(await prisma.notification.count({ where: { userId: user.id, readAt: null } })).toBe(0);
    expect(
      (await prisma.notification.findUniqueOrThrow({ where: { id: alreadyRead.id } })).readAt,
    ).toEqual(earlier);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBe(
      null,
    );
  });

  it("a mark-read request naming nothing is a 400", async () => {
    expect((await markRead(user, {})).status).toBe(400);
    expect((await markRead(user, { ids: [] })).status).toBe(400);
    expect((await markRead(user, { all: false })).status).toBe(400);
  });

  it("the unread count counts the actor's unread notifications only", async () => {
    await createNotification(user.id);
    await createNotification(user.id, { minutesAgo: 1 });
    await createNotification(user.id, { minutesAgo: 2, isRead: true });
    await createNotification(other.id);
    setSessionActor(user);
    const response = await unreadCountRoute(
      appRequest("/api/me/notifications/unread-count"),
      segment({}),
    );
    expect(await response.json()).toEqual({ unreadCount: 2 });
    setSessionActor(await createActor());
    const fresh = await unreadCountRoute(
      appRequest("/api/me/notifications/unread-count"),
      segment({}),
    );
    expect(await fresh.json()).toEqual({ unreadCount: 0 });
  });
});

describe("[NOTIFICATIONS]: access and settings", () => {
  it("every route answers 401 to an anonymous request and changes nothing", async () => {
    const row = await createNotification(user.id);
    setSessionActor(null);
    const responses = [
      await listRoute(appRequest("/api/me/notifications"), segment({})),
      await readRoute(
        appRequest("/api/me/notifications/read", { method: "POST", body: { all: true } }),
        segment({}),
      ),
      await unreadCountRoute(appRequest("/api/me/notifications/unread-count"), segment({})),
      await settingsRoute(appRequest("/api/me/notification-settings"), segment({})),
      await patchSettingsRoute(
        appRequest("/api/me/notification-settings", {
          method: "PATCH",
          body: { emailNotifications: false },
        }),
        segment({}),
      ),
    ];
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401, 401]);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).readAt).toBe(
      null,
    );
  });

  it("the settings route reads and flips emailNotifications for the actor only", async () => {
    setSessionActor(user);
    const read = await settingsRoute(appRequest("/api/me/notification-settings"), segment({}));
    expect(await read.json()).toEqual({ emailNotifications: true });

    const patch = (body: unknown) =>
      patchSettingsRoute(
        appRequest("/api/me/notification-settings", { method: "PATCH", body }),
        segment({}),
      );
    const off = await patch({ emailNotifications: false });
    expect(await off.json()).toEqual({ emailNotifications: false });
    const emailOf = async (id: string) =>
      (await prisma.user.findUniqueOrThrow({ where: { id } })).emailNotifications;
    expect(await emailOf(user.id)).toBe(false);
    expect(await emailOf(other.id)).toBe(true);
    expect((await patch({ emailNotifications: "no" })).status).toBe(400);

    // Off means off for notify(): the row, no email.
    await prisma.$transaction((tx) => notify(tx, { userId: user.id, ...approved }));
    expect(await rowsOf(user.id)).toHaveLength(1);
    expect(await emailsTo(user.id)).toHaveLength(0);

    expect(await (await patch({ emailNotifications: true })).json()).toEqual({
      emailNotifications: true,
    });
    expect(await emailOf(user.id)).toBe(true);
  });
});
