import { prisma } from "@/lib/db";

/**
 * The newest email the app queued to `to` (of `kind`), read from the outbox: without SMTP_URL the
 * app keeps every message there with its body (lib/mail/send-email.ts).
 */
export async function lastEmailTo(to: string, kind?: string) {
  return prisma.outboundEmail.findFirst({
    where: { to, ...(kind ? { kind } : {}) },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * The token of the first link in an email's text that opens `path` (e.g. "/reset-password"),
 * carried in the `param` query parameter.
 */
export function tokenFromEmail(
  text: string | null | undefined,
  path: string,
  param = "token",
): string {
  const match = text?.match(new RegExp(`${path.replace("/", "\\/")}\\?${param}=([A-Za-z0-9_%-]+)`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(match[1]!);
}
