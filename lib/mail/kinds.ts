/** What each outgoing email is for: stored on OutboundEmail.kind and shown in Admin → Outbox. */
export const EMAIL_KINDS = [
  "verify-email",
  "reset-password",
  "change-email",
  "email-changed",
  "password-changed",
  "invitation",
  "notification",
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

const labels: Record<EmailKind, string> = {
  "verify-email": "Email verification",
  "reset-password": "Password reset",
  "change-email": "Email change",
  "email-changed": "Email changed",
  "password-changed": "Password changed",
  invitation: "Invitation",
  notification: "Notification",
};

/** A readable label; kinds written by newer code than this build fall back to the raw value. */
export function emailKindLabel(kind: string): string {
  return (labels as Record<string, string>)[kind] ?? kind;
}
