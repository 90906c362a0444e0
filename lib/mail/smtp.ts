import "server-only";
import { createTransport } from "nodemailer";

/**
 * The SMTP client (nodemailer) for one delivery. A transport per delivery keeps no connection or
 * state between jobs (mail volume is low: sign-ups, resets); nodemailer's own logger stays off,
 * so the URL and its password never reach the log.
 */
export async function sendOverSmtp({
  smtpUrl,
  from,
  message,
}: {
  smtpUrl: string;
  from: string;
  message: { to: string; subject: string; text: string; html: string | null };
}): Promise<void> {
  const transport = createTransport({
    url: smtpUrl,
    // A stuck server must not hold the job past its expiry (email-send-job.ts).
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  });
  try {
    await transport.sendMail({
      from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? undefined,
      // RFC 3834: automated mail; well-behaved auto-responders do not answer it.
      headers: { "Auto-Submitted": "auto-generated" },
    });
  } finally {
    transport.close();
  }
}

/**
 * A delivery error as stored on the row and shown to admins: nodemailer's code and message, with
 * the URL's credentials removed wherever they might appear.
 */
export function describeSmtpError(error: unknown, smtpUrl: string): string {
  const code = (error as { code?: unknown })?.code;
  const raw = error instanceof Error ? error.message : String(error);
  let message = typeof code === "string" && !raw.startsWith(code) ? `${code}: ${raw}` : raw;
  message = message.replace(/(smtps?:\/\/)[^@\s/]*@/gi, "$1***@");
  for (const secret of credentialsOf(smtpUrl)) message = message.split(secret).join("***");
  return message.slice(0, 1000) || "Unknown SMTP error";
}

function credentialsOf(smtpUrl: string): string[] {
  try {
    const url = new URL(smtpUrl);
    const secrets = [url.password, safeDecode(url.password)];
    // Shorter values would blank pieces of ordinary words all over the message.
    return [...new Set(secrets)].filter((secret) => secret.length >= 3);
  } catch {
    return [];
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
