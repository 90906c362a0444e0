import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { enqueue } from "../jobs/runner";
import type { EmailKind } from "./kinds";
import { type EmailContent, oneLine } from "./layout";
import { logUnsentEmail } from "./log-unsent-email";
import { isSmtpConfigured } from "./mail-config";

/**
 * Sending mail: write an OutboundEmail row, then send it on its way.
 *
 * - `sendEmail(input)` does both, outside any transaction.
 * - With a token that must only exist if its mail does (and the other way round), write both in one
 *   transaction with `queueEmail(tx, input)`, and call `dispatchEmail(email)` after the commit:
 *
 *     const email = await prisma.$transaction(async (tx) => {
 *       await tx.passwordResetToken.create({ ... });
 *       return queueEmail(tx, { to, kind: "reset-password", userId, content: resetPassword({ ... }) });
 *     });
 *     await dispatchEmail(email);
 *
 *   Dispatching inside the transaction could deliver a link whose token then rolls back, and the
 *   job could run before the row is visible. This is the knowledge ingestion's pattern (rows in
 *   the transaction, `enqueue` after it). A crash between commit and dispatch loses nothing: at
 *   start-up the email-send job re-sends every QUEUED row without a live job.
 *
 * With SMTP (SMTP_URL) a row starts QUEUED and the `email-send` job delivers it (deliver-email.ts);
 * without, it is LOGGED: kept with its body for Admin → Outbox and printed to the server log.
 */

export type EmailInput = {
  to: string;
  kind: EmailKind;
  /** The account the mail is about, if any (set to null if the account is deleted). */
  userId?: string | null;
  /** From lib/mail/templates.ts. */
  content: EmailContent;
};

/** A written mail, ready for dispatchEmail() once its transaction has committed. */
export type QueuedEmail = {
  id: string;
  status: "QUEUED" | "LOGGED";
  to: string;
  kind: EmailKind;
  subject: string;
  text: string;
};

const addressSchema = z.email().max(320);

/** Writes the mail inside the caller's transaction. Nothing leaves the process until dispatchEmail(). */
export async function queueEmail(
  tx: Prisma.TransactionClient,
  input: EmailInput,
): Promise<QueuedEmail> {
  const to = input.to.trim();
  if (!addressSchema.safeParse(to).success) {
    throw new AppError("bad_request", "This email address cannot receive mail.");
  }
  const status = isSmtpConfigured() ? "QUEUED" : "LOGGED";
  const subject = oneLine(input.content.subject);
  const row = await tx.outboundEmail.create({
    data: {
      to,
      subject,
      kind: input.kind,
      userId: input.userId ?? null,
      status,
      text: input.content.text,
      html: input.content.html,
    },
    select: { id: true },
  });
  return { id: row.id, status, to, kind: input.kind, subject, text: input.content.text };
}

/**
 * After the commit: queues delivery (SMTP) or writes the mail to the server log (no SMTP). A failed
 * enqueue is logged, not thrown: the row stays QUEUED and start-up recovery sends it.
 */
export async function dispatchEmail(email: QueuedEmail): Promise<void> {
  if (email.status === "LOGGED") {
    logUnsentEmail(email);
    return;
  }
  await enqueue("email-send", { emailId: email.id }).catch((error: unknown) =>
    console.error(`[atelier] could not queue email ${email.id}`, error),
  );
}

/** Writes and dispatches a mail (not inside a transaction: see queueEmail for that). */
export async function sendEmail(input: EmailInput): Promise<QueuedEmail> {
  const email = await queueEmail(prisma, input);
  await dispatchEmail(email);
  return email;
}
