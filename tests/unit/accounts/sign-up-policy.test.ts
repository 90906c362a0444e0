import { describe, expect, it } from "vitest";
import { domainOfEmail, signUpRefusal } from "@/lib/accounts/sign-up-policy";

const refusal = (
  policy: "OPEN" | "INVITE_ONLY" | "DOMAINS" | "CLOSED",
  email: string,
  hasInvitation = false,
  allowedDomains = ["acme.com"],
) => signUpRefusal({ rules: { policy, allowedDomains }, email, hasInvitation });

describe("[ACCOUNTS]: the sign-up policy", () => {
  it("open lets anyone in; closed lets no one in, invited or not", () => {
    expect(refusal("OPEN", "ann@example.com")).toBeNull();
    expect(refusal("CLOSED", "ann@acme.com", true)).toMatch(/not taking new accounts/);
  });

  it("invitation only needs an invitation", () => {
    expect(refusal("INVITE_ONLY", "ann@example.com")).toMatch(/needs an invitation/);
    expect(refusal("INVITE_ONLY", "ann@example.com", true)).toBeNull();
  });

  it("domains compare the address's domain exactly, ignoring case; an invitation also lets one in", () => {
    expect(refusal("DOMAINS", "Ann@ACME.com")).toBeNull();
    expect(refusal("DOMAINS", "ann@notacme.com")).toBe(
      "Sign-ups are open to addresses at acme.com only.",
    );
    expect(refusal("DOMAINS", "ann@sub.acme.com")).not.toBeNull();
    expect(refusal("DOMAINS", "ann@example.com", true)).toBeNull();
    expect(refusal("DOMAINS", "ann@acme.com", false, [])).toMatch(/not taking new accounts/);
    expect(domainOfEmail("a@b@Example.org")).toBe("example.org");
  });
});
