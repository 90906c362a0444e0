/**
 * Who may create an account (Admin → Settings → Sign-ups). Pure and browser-safe: the sign-up
 * page shows the same refusal the server gives.
 */
export const SIGN_UP_POLICIES = ["OPEN", "INVITE_ONLY", "DOMAINS", "CLOSED"] as const;
export type SignUpPolicy = (typeof SIGN_UP_POLICIES)[number];

export const SIGN_UP_POLICY_LABELS: Record<SignUpPolicy, string> = {
  OPEN: "Anyone can sign up",
  INVITE_ONLY: "Invitation only",
  DOMAINS: "Only addresses at chosen domains",
  CLOSED: "Closed: no new accounts",
};

export type SignUpRules = { policy: SignUpPolicy; allowedDomains: string[] };

/** The domain of an address, lower-cased ("Ann@Example.COM" → "example.com"). */
export function domainOfEmail(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * Why `email` may not create an account under `rules`, or null when it may. An invitation for
 * that address lets it in under any policy but CLOSED.
 */
export function signUpRefusal(options: {
  rules: SignUpRules;
  email: string;
  hasInvitation: boolean;
}): string | null {
  const { rules, email, hasInvitation } = options;
  if (rules.policy === "CLOSED") {
    return "This Atelier is not taking new accounts. Ask its administrator for access.";
  }
  if (hasInvitation || rules.policy === "OPEN") return null;
  if (rules.policy === "INVITE_ONLY") {
    return "Joining this Atelier needs an invitation. Ask its administrator to invite you.";
  }
  const domains = rules.allowedDomains.map((domain) => domain.toLowerCase());
  if (domains.includes(domainOfEmail(email))) return null;
  return domains.length === 0
    ? "This Atelier is not taking new accounts. Ask its administrator for access."
    : `Sign-ups are open to addresses at ${domains.join(", ")} only.`;
}
