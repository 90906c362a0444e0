import "server-only";
import { z } from "zod";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { AppError } from "../errors";
import type { InstanceSettings } from "../generated/prisma/client";
import { parseInput } from "../gpts/parse-input";
import { getInstanceSettings } from "../settings/instance-settings";
import { saveAuditedSettings } from "../settings/save-audited-settings";
import { SIGN_UP_POLICIES, type SignUpRules } from "./sign-up-policy";

/** The instance's sign-up policy, for sign-up (email and OAuth) and the sign-up page. */
export async function getSignUpRules(): Promise<SignUpRules> {
  return signUpRulesOf(await getInstanceSettings());
}

function signUpRulesOf(settings: InstanceSettings): SignUpRules {
  return { policy: settings.signUpPolicy, allowedDomains: settings.signUpAllowedDomains };
}

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((domain) => domain.replace(/^@/, ""))
  .pipe(
    z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, "Use a domain such as acme.com."),
  );

export const signUpRulesInputSchema = z
  .object({
    policy: z.enum(SIGN_UP_POLICIES),
    allowedDomains: z.array(domainSchema).max(100, "At most 100 domains.").default([]),
  })
  .refine((rules) => rules.policy !== "DOMAINS" || rules.allowedDomains.length > 0, {
    path: ["allowedDomains"],
    message: "Name at least one domain, e.g. acme.com.",
  });

/** Admin → Settings → Sign-ups: saves who may create an account (audited). */
export async function saveSignUpRules({ actor, input }: { actor: Actor; input: unknown }) {
  assertAdmin(actor);
  const rules = parseInput(signUpRulesInputSchema, input);
  const saved = await saveAuditedSettings({
    actor,
    action: "sign-up-rules.update",
    data: {
      signUpPolicy: rules.policy,
      signUpAllowedDomains: [...new Set(rules.allowedDomains)],
    },
    viewOf: signUpRulesOf,
  });
  return signUpRulesOf(saved);
}

export async function getSignUpRulesForAdmin({ actor }: { actor: Actor }) {
  assertAdmin(actor);
  return getSignUpRules();
}
