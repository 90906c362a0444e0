import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as outboxRoute } from "@/app/api/admin/outbox/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { setMailConfig } from "@/lib/mail/mail-config";
import { listOutbox } from "@/lib/mail/outbox-queries";
import type { OutboxPage } from "@/lib/mail/outbox-schemas";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let admin: Actor;
let user: Actor;

beforeEach(async () => {
  await prisma.outboundEmail.deleteMany();
  admin = await createActor({ role: "ADMIN" });
  user = await createActor();
  setSessionActor(null);
});

afterEach(() => {
  setMailConfig(null);
  setSessionActor(null);
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** One mail of each status; the SENT one still has a body, as if erasing it had failed. */
async function seedOutbox() {
  await prisma.outboundEmail.createMany({
    data: [
      {
        id: "mail_logged",
        to: "ada@example.com",
        subject: "Reset your Atelier password",
        kind: "reset-password",
        status: "LOGGED",
        text: "Choose a new password:\nhttps://atelier.test/reset?token=LOGGED_TOKEN",
        html: '<a href="https://atelier.test/reset?token=LOGGED_TOKEN">Reset</a>',
        createdAt: minutesAgo(1),
      },
      {
        id: "mail_sent",
        to: "grace@example.com",
        subject: "Reset your Atelier password",
        kind: "reset-password",
        status: "SENT",
        text: "https://atelier.test/reset?token=SENT_TOKEN",
        html: '<a href="https://atelier.test/reset?token=SENT_TOKEN">Reset</a>',
        attempts: 1,
        sentAt: minutesAgo(2),
        createdAt: minutesAgo(3),
      },
      {
        id: "mail_queued",
        to: "linus@example.com",
        subject: "Confirm your email address for Atelier",
        kind: "verify-email",
        status: "QUEUED",
        text: "https://atelier.test/verify?token=QUEUED_TOKEN",
        error: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25",
        attempts: 2,
        createdAt: minutesAgo(4),
      },
      {
        id: "mail_failed",
        to: "barbara@example.com",
        subject: "Barbara invited you to Atelier",
        kind: "invitation",
        status: "FAILED",
        text: "",
        error: "EENVELOPE: 550 No such user",
        attempts: 6,
        createdAt: minutesAgo(5),
      },
    ],
  });
}

async function list(actor: Actor | null, query = "") {
  setSessionActor(actor);
  return outboxRoute(appRequest(`/api/admin/outbox${query}`), segment({}));
}

describe("[MAIL]: GET /api/admin/outbox", () => {
  it("401 signed out, 403 for a user", async () => {
    await seedOutbox();
    expect((await list(null)).status).toBe(401);
    const refused = await list(user);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("TOKEN");
  });

  it("an admin sees every mail newest first; only LOGGED mail comes with its body", async () => {
    await seedOutbox();
    const response = await list(admin);
    expect(response.status).toBe(200);
    const raw = await response.text();
    const page = JSON.parse(raw) as OutboxPage;
    expect(page.emails.map((email) => email.id)).toEqual([
      "mail_logged",
      "mail_sent",
      "mail_queued",
      "mail_failed",
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.emails[0]).toMatchObject({
      to: "ada@example.com",
      kind: "reset-password",
      kindLabel: "Password reset",
      status: "LOGGED",
    });
    expect(page.emails[0].text).toContain("https://atelier.test/reset?token=LOGGED_TOKEN");
    for (const email of page.emails.slice(1)) expect(email.text).toBeNull();
    expect(page.emails[2]).toMatchObject({
      error: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25",
      attempts: 2,
    });
    // Neither text nor HTML of mail that went (or is going) over SMTP, in any field.
    expect(raw).not.toContain("SENT_TOKEN");
    expect(raw).not.toContain("QUEUED_TOKEN");
    expect(raw).not.toContain("<a href");
  });

  it("filters by status (any case), refuses an unknown one, and says whether SMTP is set", async () => {
    await seedOutbox();
    setMailConfig({ smtpUrl: null });
    const logged = (await (await list(admin, "?status=logged")).json()) as OutboxPage;
    expect(logged.emails.map((email) => email.id)).toEqual(["mail_logged"]);
    expect(logged).toMatchObject({ status: "LOGGED", isSmtpConfigured: false });
    const sent = (await (await list(admin, "?status=SENT")).json()) as OutboxPage;
    expect(sent.emails.map((email) => email.id)).toEqual(["mail_sent"]);
    expect(sent.emails[0].text).toBeNull();
    expect((await list(admin, "?status=all")).status).toBe(200);
    expect((await list(admin, "?status=bounced")).status).toBe(400);

    setMailConfig({ smtpUrl: "smtp://127.0.0.1:2525" });
    expect(((await (await list(admin)).json()) as OutboxPage).isSmtpConfigured).toBe(true);
  });

  it("pages with a cursor: 50 at a time, no mail twice, none missed", async () => {
    await prisma.outboundEmail.createMany({
      data: Array.from({ length: 57 }, (_, index) => ({
        to: `user${index}@example.com`,
        subject: `Mail ${index}`,
        kind: "verify-email",
        status: "LOGGED" as const,
        text: `body ${index}`,
        createdAt: minutesAgo(index),
      })),
    });
    const first = (await (await list(admin)).json()) as OutboxPage;
    expect(first.emails).toHaveLength(50);
    expect(first.emails[0].subject).toBe("Mail 0");
    expect(first.nextCursor).toBe(first.emails[49].id);
    const second = (await (await list(admin, `?cursor=${first.nextCursor}`)).json()) as OutboxPage;
    expect(second.emails.map((email) => email.subject)).toEqual(
      Array.from({ length: 7 }, (_, index) => `Mail ${50 + index}`),
    );
    expect(second.nextCursor).toBeNull();
  });

  it("listOutbox checks the role itself, whatever route calls it", async () => {
    await expect(listOutbox({ actor: user })).rejects.toMatchObject({ code: "forbidden" });
  });
});
