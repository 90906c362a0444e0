import "server-only";
import { prisma } from "../db";
import type { JobContext } from "../jobs/job-types";
import { logUnsentEmail } from "./log-unsent-email";
import { mailConfig } from "./mail-config";
import { describeSmtpError, sendOverSmtp } from "./smtp";

/** Attempts per mail (the job's first run plus its retries; email-send-job.ts). */
export const MAX_EMAIL_ATTEMPTS = 6;

export type DeliveryOutcome = "sent" | "failed" | "logged" | "skipped";

/** Once a mail has left (or given up), its body goes: see the OutboundEmail model. */
const blankBody = { text: "", html: null } as const;

/**
 * The email-send job: delivers one QUEUED mail over SMTP.
 * - Sent: SENT with sentAt, and the body blanked so admins cannot read other users' links.
 * - Failed, attempts left: the error and attempt are recorded and the error is thrown, so pg-boss
 *   retries with backoff.
 * - Failed on the last attempt: FAILED with the error (body blanked too); returns normally.
 * - SMTP no longer configured (a restart without SMTP_URL): LOGGED and printed, as if never queued.
 * - Not QUEUED any more (a duplicate or late job): nothing happens.
 * Delivery is at least once: a crash after the server accepted the mail but before SENT is written
 * sends it again on the retry.
 */
export async function deliverEmail(
  emailId: string,
  context: Pick<JobContext, "isLastAttempt">,
): Promise<DeliveryOutcome> {
  const email = await prisma.outboundEmail.findUnique({ where: { id: emailId } });
  if (email?.status !== "QUEUED") return "skipped";
  const config = mailConfig();
  if (!config.smtpUrl) {
    const logged = await prisma.outboundEmail.updateMany({
      where: { id: emailId, status: "QUEUED" },
      data: { status: "LOGGED" },
    });
    if (logged.count === 0) return "skipped";
    logUnsentEmail(email);
    return "logged";
  }
  const attempt = email.attempts + 1;
  const claimed = await prisma.outboundEmail.updateMany({
    where: { id: emailId, status: "QUEUED", attempts: email.attempts },
    data: { attempts: attempt },
  });
  if (claimed.count === 0) return "skipped";
  try {
    await sendOverSmtp({ smtpUrl: config.smtpUrl, from: config.from, message: email });
  } catch (error) {
    const message = describeSmtpError(error, config.smtpUrl);
    const isFinal = context.isLastAttempt || attempt >= MAX_EMAIL_ATTEMPTS;
    await prisma.outboundEmail.updateMany({
      where: { id: emailId, status: "QUEUED" },
      data: isFinal ? { status: "FAILED", error: message, ...blankBody } : { error: message },
    });
    if (isFinal) {
      console.error(
        `[atelier] email ${emailId} (${email.kind}) to ${email.to} failed after ${attempt} attempt(s): ${message}`,
      );
      return "failed";
    }
    throw new Error(`Email ${emailId}, attempt ${attempt}: ${message}`);
  }
  await prisma.outboundEmail.updateMany({
    where: { id: emailId, status: "QUEUED" },
    data: { status: "SENT", sentAt: new Date(), error: null, ...blankBody },
  });
  return "sent";
}
