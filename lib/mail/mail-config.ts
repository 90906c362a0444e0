import "server-only";
import { env } from "../env";

/** Where mail goes: an SMTP server, or (smtpUrl null) the admin Outbox and the server log. */
export type MailConfig = {
  /** smtp:// or smtps:// with credentials; null when SMTP_URL is not set. */
  smtpUrl: string | null;
  /** The From header of every mail. */
  from: string;
};

const globalForMail = globalThis as unknown as { atelierMailConfig?: MailConfig | null };

/** SMTP_URL / SMTP_FROM, unless a test replaced them with setMailConfig(). */
export function mailConfig(): MailConfig {
  return globalForMail.atelierMailConfig ?? { smtpUrl: env.SMTP_URL ?? null, from: env.SMTP_FROM };
}

export function isSmtpConfigured(): boolean {
  return mailConfig().smtpUrl !== null;
}

/**
 * Tests only: point mail at another SMTP server (the fake one) or turn SMTP off, without mocking
 * lib/env. `null` goes back to the environment's settings. Test files share workers, so a file
 * that sets one resets it in afterAll/afterEach.
 */
export function setMailConfig(config: Partial<MailConfig> | null): void {
  globalForMail.atelierMailConfig = config
    ? { smtpUrl: null, from: env.SMTP_FROM, ...config }
    : null;
}
