import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  newNonce,
  type PolicyOptions,
  pageSecurityHeaders,
} from "@/lib/security/content-security-policy";

const NONCE = "bm9uY2Utb2YtdGhpcy1yZXE=";

/** The policy as directive name → its sources, each directive exactly once. */
function directives(options: Partial<PolicyOptions> = {}): Map<string, string[]> {
  const policy = contentSecurityPolicy({
    nonce: NONCE,
    isDevelopment: false,
    isHttps: false,
    ...options,
  });
  const parsed = new Map<string, string[]>();
  for (const directive of policy.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    expect(parsed.has(name), `${name} appears twice`).toBe(false);
    parsed.set(name, sources);
  }
  return parsed;
}

describe("[SECURITY]: the Content-Security-Policy of pages", () => {
  it("lets scripts run only with this request's nonce, and what they load ('strict-dynamic')", () => {
    const scripts = directives().get("script-src");
    expect(scripts).toContain(`'nonce-${NONCE}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts?.some((source) => source.includes("*") || source === "https:")).toBe(false);
  });

  it("a different nonce gives a different policy, naming only that nonce", () => {
    const scripts = directives({ nonce: "b3RoZXItbm9uY2U=" }).get("script-src");
    expect(scripts).toContain("'nonce-b3RoZXItbm9uY2U='");
    expect(scripts).not.toContain(`'nonce-${NONCE}'`);
  });

  it("allows 'unsafe-eval' in development only", () => {
    expect(directives({ isDevelopment: true }).get("script-src")).toContain("'unsafe-eval'");
    const production = directives({ isDevelopment: false });
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
    for (const [name, sources] of production) {
      expect(sources, name).not.toContain("'unsafe-eval'");
    }
  });

  it("never allows 'unsafe-inline' scripts in development either", () => {
    expect(directives({ isDevelopment: true }).get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("forbids framing by default, and allows the given ancestors when set", () => {
    expect(directives().get("frame-ancestors")).toEqual(["'none'"]);
    expect(
      directives({ frameAncestors: "https://partner.example" }).get("frame-ancestors"),
    ).toEqual(["https://partner.example"]);
  });

  it("asks for upgrade-insecure-requests only when served over https", () => {
    expect(directives({ isHttps: true }).has("upgrade-insecure-requests")).toBe(true);
    expect(directives({ isHttps: false }).has("upgrade-insecure-requests")).toBe(false);
  });

  it("blocks plugins and base-tag hijacking, and keeps forms on this site", () => {
    const policy = directives();
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });
});

describe("[SECURITY]: the other security headers of pages", () => {
  it("sends HSTS only over https", () => {
    expect(pageSecurityHeaders({ isHttps: true })["Strict-Transport-Security"]).toMatch(
      /^max-age=\d+/,
    );
    expect(pageSecurityHeaders({ isHttps: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("always sends nosniff and refuses framing in older browsers", () => {
    for (const isHttps of [true, false]) {
      const headers = pageSecurityHeaders({ isHttps });
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["X-Frame-Options"]).toBe("DENY");
      expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    }
  });
});

describe("[SECURITY]: CSP nonces", () => {
  it("are 16 random bytes in base64, different every time", () => {
    const nonces = Array.from({ length: 50 }, () => newNonce());
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});
