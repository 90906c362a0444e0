import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { recoverJobs, runJobNow, startJobs, stopJobs, takeUnsentJobs } from "@/lib/jobs/runner";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/mail/deliver-email";
import { setMailConfig } from "@/lib/mail/mail-config";
import { dispatchEmail, queueEmail, sendEmail } from "@/lib/mail/send-email";
import { resetPassword, verifyEmail } from "@/lib/mail/templates";
import { type FakeSmtp, startFakeSmtp } from "../../fixtures/fake-smtp/server";
import { createActor } from "../../support/factories";

let smtp: FakeSmtp;
let counter = 0;

beforeAll(async () => {
  smtp = await startFakeSmtp();
});

afterEach(() => {
  setMailConfig(null);
  smtp.clear();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await stopJobs();
  await smtp?.close();
});

function nextAddress() {
  counter += 1;
  return `mail${counter}-${Date.now()}@example.com`;
}

const resetUrl = (token: string) => `https://atelier.test/reset-password?token=${token}`;

function resetMail(to: string, token = "tok_secret_123") {
  return {
    to,
    kind: "reset-password" as const,
    content: resetPassword({ name: "Ada", url: resetUrl(token), expiresInMinutes: 30 }),
  };
}

/** The email-send jobs held in memory (no runner started), for these ids only. */
function heldEmailJobs(): string[] {
  return takeUnsentJobs()
    .filter((job) => job.name === "email-send")
    .map((job) => (job.data as { emailId: string }).emailId);
}

/** A port nothing listens on: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("[MAIL]: with SMTP, the email-send job delivers and then erases the body", () => {
  it("queues a job, delivers to the SMTP server, marks SENT and blanks text and html", async () => {
    setMailConfig({ smtpUrl: smtp.smtpUrl, from: "Atelier Test <no-reply@atelier.test>" });
    const to = nextAddress();
    const user = await createActor({ email: to });
    const email = await sendEmail({ ...resetMail(to), userId: user.id });
    expect(email.status).toBe("QUEUED");
    const queued = await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(queued).toMatchObject({
      status: "QUEUED",
      to,
      userId: user.id,
      attempts: 0,
      kind: "reset-password",
    });
    expect(queued.text).toContain(resetUrl("tok_secret_123"));
    expect(heldEmailJobs()).toEqual([email.id]);

    await runJobNow("email-send", { emailId: email.id });

    const message = await smtp.waitForMessage({ to });
    expect(message.from).toBe("Atelier Test <no-reply@atelier.test>");
    expect(message.subject).toBe("Reset your Atelier password");
    expect(message.text).toContain(resetUrl("tok_secret_123"));
    expect(message.html).toContain(`href="${resetUrl("tok_secret_123")}"`);
    expect(message.headers["auto-submitted"]).toBe("auto-generated");
    const sent = await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(sent).toMatchObject({ status: "SENT", text: "", html: null, error: null, attempts: 1 });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.subject).toBe("Reset your Atelier password");

    // A second job for the same mail (a duplicate, a late retry) sends nothing more.
    await runJobNow("email-send", { emailId: email.id });
    expect(smtp.messages({ to })).toHaveLength(1);
  });

  it("SMTP down: each attempt records the error and throws for a retry; the last marks FAILED, without the password", async () => {
    const port = await closedPort();
    setMailConfig({ smtpUrl: `smtp://mailer:s3cret-Pa55@127.0.0.1:${port}` });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const to = nextAddress();
    const email = await sendEmail(resetMail(to));
    heldEmailJobs();

    for (let attempt = 1; attempt < MAX_EMAIL_ATTEMPTS; attempt += 1) {
      await expect(
        runJobNow("email-send", { emailId: email.id }, { retryCount: attempt - 1 }),
      ).rejects.toThrow(/ECONNREFUSED|ECONNECTION/);
      const row = await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } });
      expect(row).toMatchObject({ status: "QUEUED", attempts: attempt });
      expect(row.error).toMatch(/ECONNREFUSED|ECONNECTION/);
      expect(row.text).toContain(resetUrl("tok_secret_123")); // kept for the next attempt
    }
    await runJobNow("email-send", { emailId: email.id }, { retryCount: MAX_EMAIL_ATTEMPTS - 1 });
    const failed = await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(failed).toMatchObject({
      status: "FAILED",
      attempts: MAX_EMAIL_ATTEMPTS,
      text: "",
      html: null,
    });
    expect(failed.error).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(failed.error).not.toContain("s3cret");
    expect(failed.sentAt).toBeNull();
    const logged = errors.mock.calls.flat().map(String).join("\n");
    expect(logged).toContain(email.id);
    expect(logged).not.toContain("s3cret");
  });

  it("pg-boss's last attempt (isLastAttempt) fails the mail even before the attempt count runs out", async () => {
    setMailConfig({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const email = await sendEmail(resetMail(nextAddress()));
    heldEmailJobs();
    await runJobNow("email-send", { emailId: email.id }, { isLastAttempt: true });
    expect(await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject(
      {
        status: "FAILED",
        attempts: 1,
      },
    );
  });

  it("a temporary refusal is retried, and the retry delivers", async () => {
    setMailConfig({ smtpUrl: smtp.smtpUrl });
    smtp.rejectNext(1, { code: 451, message: "Greylisted, try again" });
    const to = nextAddress();
    const email = await sendEmail(resetMail(to));
    heldEmailJobs();
    await expect(runJobNow("email-send", { emailId: email.id })).rejects.toThrow(/451|Greylisted/);
    expect(await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject(
      {
        status: "QUEUED",
        attempts: 1,
      },
    );
    await runJobNow("email-send", { emailId: email.id }, { retryCount: 1 });
    expect(await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject(
      {
        status: "SENT",
        attempts: 2,
        error: null,
      },
    );
    expect(smtp.messages({ to })).toHaveLength(1);
  });
});

describe("[MAIL]: without SMTP, mail is LOGGED: kept with its body and printed to the server log", () => {
  it("keeps the body, prints one line with recipient, subject and text, and queues no job", async () => {
    setMailConfig({ smtpUrl: null });
    const lines = vi.spyOn(console, "log").mockImplementation(() => {});
    const to = nextAddress();
    const email = await sendEmail(resetMail(to, "tok_logged_456"));
    expect(email.status).toBe("LOGGED");
    const row = await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(row).toMatchObject({ status: "LOGGED", attempts: 0, sentAt: null });
    expect(row.text).toContain(resetUrl("tok_logged_456"));
    expect(row.html).toContain(resetUrl("tok_logged_456"));
    expect(heldEmailJobs()).toEqual([]);

    const printed = lines.mock.calls
      .map((call) => call.map(String).join(" "))
      .filter((line) => line.includes(to));
    expect(printed).toHaveLength(1);
    expect(printed[0]).not.toContain("\n");
    expect(printed[0]).toContain("Reset your Atelier password");
    expect(printed[0]).toContain(resetUrl("tok_logged_456"));
  });

  it("a mail queued while SMTP was set, delivered after it was removed, is LOGGED instead", async () => {
    setMailConfig({ smtpUrl: smtp.smtpUrl });
    const to = nextAddress();
    const email = await sendEmail(resetMail(to));
    heldEmailJobs();
    setMailConfig({ smtpUrl: null });
    const lines = vi.spyOn(console, "log").mockImplementation(() => {});
    await runJobNow("email-send", { emailId: email.id });
    const row = await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(row.status).toBe("LOGGED");
    expect(row.text).toContain(resetUrl("tok_secret_123"));
    expect(lines.mock.calls.flat().join(" ")).toContain(to);
    expect(smtp.messages({ to })).toEqual([]);
  });

  it("refuses an address that cannot receive mail", async () => {
    setMailConfig({ smtpUrl: null });
    await expect(sendEmail(resetMail("not an address"))).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});

describe("[MAIL]: mail written in a transaction commits with it, and leaves only after the commit", () => {
  it("a rolled-back transaction leaves no row, no job and no log line", async () => {
    setMailConfig({ smtpUrl: smtp.smtpUrl });
    const to = nextAddress();
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, resetMail(to));
        throw new Error("the token could not be saved");
      }),
    ).rejects.toThrow("the token could not be saved");
    expect(await prisma.outboundEmail.count({ where: { to } })).toBe(0);
    expect(heldEmailJobs()).toEqual([]);

    setMailConfig({ smtpUrl: null });
    const lines = vi.spyOn(console, "log").mockImplementation(() => {});
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, resetMail(to));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await prisma.outboundEmail.count({ where: { to } })).toBe(0);
    expect(lines.mock.calls.flat().join(" ")).not.toContain(to);
  });

  it("queueEmail writes inside the transaction; dispatchEmail after the commit queues the job", async () => {
    setMailConfig({ smtpUrl: smtp.smtpUrl });
    const to = nextAddress();
    const email = await prisma.$transaction(async (tx) => {
      const queued = await queueEmail(tx, {
        to,
        kind: "verify-email",
        content: verifyEmail({ name: "Ada", url: "https://atelier.test/verify?token=v1" }),
      });
      expect(heldEmailJobs()).toEqual([]); // nothing leaves before the commit
      return queued;
    });
    expect(await prisma.outboundEmail.count({ where: { id: email.id, status: "QUEUED" } })).toBe(1);
    await dispatchEmail(email);
    expect(heldEmailJobs()).toEqual([email.id]);
  });

  it("a queued mail whose job was lost (a crash before dispatch) is sent again by start-up recovery", async () => {
    setMailConfig({ smtpUrl: smtp.smtpUrl });
    const to = nextAddress();
    const email = await prisma.$transaction((tx) => queueEmail(tx, resetMail(to)));
    heldEmailJobs();
    await recoverJobs();
    expect(heldEmailJobs()).toContain(email.id);
  });

  it("deleting the user keeps the mail's record, without the user", async () => {
    setMailConfig({ smtpUrl: null });
    vi.spyOn(console, "log").mockImplementation(() => {});
    const user = await createActor();
    const email = await sendEmail({ ...resetMail(user.email), userId: user.id });
    await prisma.user.delete({ where: { id: user.id } });
    expect(await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject(
      {
        userId: null,
        to: user.email,
      },
    );
  });
});

describe("[MAIL]: through pg-boss", () => {
  it("the running job queue delivers a sent mail to the SMTP server", async () => {
    setMailConfig({ smtpUrl: smtp.smtpUrl });
    takeUnsentJobs();
    await startJobs({ pollingIntervalSeconds: 0.5 });
    const to = nextAddress();
    const email = await sendEmail(resetMail(to));
    const message = await smtp.waitForMessage({ to, timeoutMs: 20_000 });
    expect(message.text).toContain(resetUrl("tok_secret_123"));
    const deadline = Date.now() + 10_000;
    let row = await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } });
    while (row.status !== "SENT" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      row = await prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } });
    }
    expect(row).toMatchObject({ status: "SENT", text: "", html: null });
  });
});
