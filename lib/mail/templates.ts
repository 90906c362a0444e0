import { type EmailContent, oneLine, PRODUCT_NAME, renderEmail } from "./layout";

/**
 * The emails Atelier sends, as pure functions of their data: { subject, text, html }, ready for
 * sendEmail()/queueEmail() in lib/mail/send-email.ts. Every value is escaped in the HTML; URLs must
 * be absolute http(s) links (build them from lib/env's appUrl).
 */

export type { EmailContent } from "./layout";

/** A user's display name, or nothing (User.name is optional). */
type Name = string | null | undefined;

const MAX_NAME_LENGTH = 80;

function greeting(name: Name): string {
  const clean = oneLine(name ?? "").slice(0, MAX_NAME_LENGTH);
  return clean ? `Hi ${clean},` : "Hi,";
}

function minutesLabel(minutes: number): string {
  if (minutes % 60 === 0 && minutes >= 60) {
    const hours = minutes / 60;
    return `${hours} hour${hours === 1 ? "" : "s"}`;
  }
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

const whenFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

/** After sign-up, or when a user asks for a new link: proves they own the address. */
export function verifyEmail({ name, url }: { name?: Name; url: string }): EmailContent {
  return renderEmail({
    subject: `Confirm your email address for ${PRODUCT_NAME}`,
    greeting: greeting(name),
    intro: [
      `Confirm that this is your email address to finish setting up your ${PRODUCT_NAME} account.`,
    ],
    action: { label: "Confirm email address", url },
    outro: [`If you did not create an ${PRODUCT_NAME} account, you can ignore this email.`],
  });
}

/** "Forgot password": a single-use link that expires. */
export function resetPassword({
  name,
  url,
  expiresInMinutes,
}: {
  name?: Name;
  url: string;
  expiresInMinutes: number;
}): EmailContent {
  return renderEmail({
    subject: `Reset your ${PRODUCT_NAME} password`,
    greeting: greeting(name),
    intro: [
      `Someone asked to reset the password of your ${PRODUCT_NAME} account. Choose a new one here:`,
    ],
    action: { label: "Choose a new password", url },
    outro: [
      `The link works once, for ${minutesLabel(expiresInMinutes)}.`,
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ],
  });
}

/** Sent to the new address when a user changes their email: the change happens once confirmed. */
export function changeEmail({
  name,
  url,
  newEmail,
}: {
  name?: Name;
  url: string;
  newEmail: string;
}): EmailContent {
  return renderEmail({
    subject: `Confirm your new email address for ${PRODUCT_NAME}`,
    greeting: greeting(name),
    intro: [
      `Confirm that ${oneLine(newEmail)} should become the email address of your ${PRODUCT_NAME} account. You will sign in with it from then on.`,
    ],
    action: { label: "Confirm new address", url },
    outro: ["If you did not ask for this change, ignore this email: nothing changes."],
  });
}

/**
 * Sent to the old address once an email change is confirmed, so an owner whose account was taken
 * over learns of it (a reset link would now go to the new address: they need an administrator).
 */
export function emailChanged({ name, newEmail }: { name?: Name; newEmail: string }): EmailContent {
  return renderEmail({
    subject: `The email address of your ${PRODUCT_NAME} account was changed`,
    greeting: greeting(name),
    intro: [
      `The email address of your ${PRODUCT_NAME} account is now ${oneLine(newEmail)}. Sign in with it from now on; this address gets no more mail about the account.`,
    ],
    outro: [
      "If this was you, there is nothing to do.",
      `If it was not you, contact the administrator of this ${PRODUCT_NAME} instance right away.`,
    ],
  });
}

/** A notice after the password changed, so an owner notices a takeover. */
export function passwordChanged({
  name,
  when,
  resetUrl,
}: {
  name?: Name;
  when: Date;
  /** Where to reset the password if it was not them (the "Forgot password" page). */
  resetUrl?: string;
}): EmailContent {
  return renderEmail({
    subject: `Your ${PRODUCT_NAME} password was changed`,
    greeting: greeting(name),
    intro: [
      `The password of your ${PRODUCT_NAME} account was changed on ${whenFormat.format(when)} UTC.`,
    ],
    action: resetUrl ? { label: "Reset your password", url: resetUrl } : undefined,
    outro: [
      "If this was you, there is nothing to do.",
      "If it was not you, reset your password right away and check the email address on your account.",
    ],
  });
}

/** An invitation to join this instance. */
export function invitation({
  inviterName,
  url,
}: {
  inviterName: string;
  url: string;
}): EmailContent {
  const inviter = oneLine(inviterName).slice(0, MAX_NAME_LENGTH) || "Someone";
  return renderEmail({
    subject: `${inviter} invited you to ${PRODUCT_NAME}`,
    greeting: "Hi,",
    intro: [
      `${inviter} invited you to ${PRODUCT_NAME}, where people build custom GPTs, share them and chat with them.`,
    ],
    action: { label: "Accept the invitation", url },
    outro: ["If you were not expecting this, you can ignore this email."],
  });
}

/** An in-app notification, also sent by email (lib/notifications/notify.ts). */
export function notificationEmail({
  name,
  title,
  body,
  url,
  settingsUrl,
}: {
  name?: Name;
  title: string;
  body: string;
  /** Where the notification leads; absent for one that leads nowhere. */
  url?: string;
  /** Where the user turns these emails off. */
  settingsUrl: string;
}): EmailContent {
  return renderEmail({
    subject: oneLine(title),
    greeting: greeting(name),
    intro: [oneLine(title), ...body.split(/\n{2,}/).filter((paragraph) => paragraph.trim())],
    action: url ? { label: "Open in Atelier", url } : undefined,
    outro: [`You get these emails because notifications by email are on: ${settingsUrl}`],
  });
}
