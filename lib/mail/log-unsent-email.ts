import "server-only";

/**
 * Without SMTP the server log is, with Admin → Outbox, the operator's only copy of a mail (say, a
 * password reset link for someone locked out). One line per mail so log tools keep it whole:
 * subject and body are JSON strings (line breaks as \n, links intact).
 */
export function logUnsentEmail(email: { to: string; kind: string; subject: string; text: string }) {
  console.log(
    `[atelier] mail not sent (SMTP_URL is not set; kept in Admin → Outbox): to=${email.to} kind=${email.kind} subject=${JSON.stringify(email.subject)} text=${JSON.stringify(email.text)}`,
  );
}
