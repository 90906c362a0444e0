import { z } from "zod";

/** Browser-safe: the settings card shows the same names and records the server checks. */
export const TXT_PREFIX = "atelier-verify=";
export const WELL_KNOWN_PATH = "/.well-known/atelier-verification.txt";

export function txtRecordValue(token: string): string {
  return `${TXT_PREFIX}${token}`;
}

/** Where the TXT record may live: the domain itself or `_atelier.<domain>`. */
export function txtRecordNames(domain: string): string[] {
  return [domain, `_atelier.${domain}`];
}

export function wellKnownUrl(domain: string, protocol: "https" | "http" = "https"): string {
  return `${protocol}://${domain}${WELL_KNOWN_PATH}`;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain as typed → lower-case hostname, or a message. Refuses schemes, paths, ports, IP
 * addresses, localhost and single-label names: a badge must name something on the public DNS.
 */
export function normalizeDomain(raw: string): { domain: string } | { error: string } {
  const typed = raw.trim().toLowerCase().replace(/\.$/, "");
  if (!typed) return { error: "Enter a domain such as example.com." };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(typed) || /[/?#]/.test(typed)) {
    return { error: "Enter the domain only, without https:// or a path (e.g. example.com)." };
  }
  if (typed.includes("@")) return { error: "Enter a domain, not an email address." };
  if (typed.includes(":") || typed.startsWith("[")) {
    return { error: "Enter the domain without a port or IP address (e.g. example.com)." };
  }
  if (/^\d+(\.\d+){0,3}$/.test(typed) || /^0x[0-9a-f]+$/.test(typed)) {
    return { error: "IP addresses cannot be verified. Enter a domain name." };
  }
  if (typed === "localhost" || typed.endsWith(".localhost")) {
    return { error: "localhost cannot be verified. Enter a public domain name." };
  }
  if (typed.length > 253) return { error: "This domain is too long." };
  const labels = typed.split(".");
  if (labels.length < 2) return { error: "Enter a full domain name, such as example.com." };
  if (!labels.every((label) => LABEL.test(label))) {
    return {
      error: "Use letters, digits and hyphens between the dots (internationalised names as xn--).",
    };
  }
  if (/^\d+$/.test(labels[labels.length - 1])) {
    return { error: "IP addresses cannot be verified. Enter a domain name." };
  }
  return { domain: typed };
}

export const startDomainVerificationSchema = z.object({
  domain: z.string("Enter a domain such as example.com.").transform((value, context) => {
    const result = normalizeDomain(value);
    if ("error" in result) {
      context.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.domain;
  }),
});
export type StartDomainVerificationInput = z.input<typeof startDomainVerificationSchema>;

/** What "Verify" answers: the new state, and on failure what was checked and found. */
export type DomainVerificationResult = {
  isVerified: boolean;
  /** One line per check, e.g. "No TXT record atelier-verify=… on example.com". */
  checks: string[];
};
