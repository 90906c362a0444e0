import type { Account, Profile } from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as invitationsRoute } from "@/app/api/admin/invitations/route";
import { PUT as signUpRulesRoute } from "@/app/api/admin/sign-ups/route";
import { inviteToInstance, listInvitations, revokeInvitation } from "@/lib/accounts/invitations";
import { saveSignUpRules } from "@/lib/accounts/sign-up-rules";
import { linkOAuthAccount } from "@/lib/auth/link-oauth-account";
import type { Actor } from "@/lib/auth/session";
import { signUp } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";
import { lastEmailTo, tokenFromEmail } from "../../support/mailbox";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const PASSWORD = "correct horse battery";
let admin: Actor;
let counter = 0;
const freshIp = () => `203.0.113.${++counter}`;
const address = (name: string, domain = "example.com") => `${name}-${++counter}@${domain}`;

function join(email: string, invite?: string) {
  return signUp({
    input: { name: "New Person", email, password: PASSWORD, invite },
    ip: freshIp(),
  });
}

function googleSignIn(email: string): { account: Account; profile: Profile } {
  return {
    account: { provider: "google", providerAccountId: `g-${++counter}`, type: "oauth" } as Account,
    profile: { email, name: "Google User", email_verified: true } as Profile,
  };
}

async function invite(email: string): Promise<string> {
  await inviteToInstance({ actor: admin, input: { email } });
  return tokenFromEmail((await lastEmailTo(email, "invitation"))?.text, "/sign-up", "invite");
}

beforeAll(async () => {
  admin = await createActor({ role: "ADMIN", name: "Ada Admin" });
});

describe("[ACCOUNTS]: the sign-up policy holds for the form and for OAuth", () => {
  it("closed: nobody joins, invited or not", async () => {
    await saveSignUpRules({ actor: admin, input: { policy: "OPEN", allowedDomains: [] } });
    const invited = address("invited");
    const token = await invite(invited);
    await saveSignUpRules({ actor: admin, input: { policy: "CLOSED", allowedDomains: [] } });
    const refusal = await expectAppError(join(invited, token), "forbidden");
    expect(refusal.message).toMatch(/not taking new accounts/);
    expect(await linkOAuthAccount(googleSignIn(address("oauth")))).toEqual({
      ok: false,
      reason: "SignUpRefused",
    });
    expect(await prisma.user.count({ where: { email: invited } })).toBe(0);
  });

  it("invitation only: the link lets its own address in once, verified; other addresses are refused", async () => {
    await saveSignUpRules({ actor: admin, input: { policy: "INVITE_ONLY", allowedDomains: [] } });
    await expectAppError(join(address("stranger")), "forbidden");
    const invited = address("guest");
    const token = await invite(invited);
    await expectAppError(join(address("someone-else"), token), "forbidden");

    const user = await join(invited, token);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.emailVerifiedAt).not.toBeNull();
    expect(await lastEmailTo(invited, "verify-email")).toBeNull();
    const [listed] = (await listInvitations({ actor: admin })).filter(
      (entry) => entry.email === invited,
    );
    expect(listed.status).toBe("accepted");

    // An invitation by address also lets an OAuth sign-up in.
    const oauthGuest = address("oauth-guest");
    await invite(oauthGuest);
    expect((await linkOAuthAccount(googleSignIn(oauthGuest))).ok).toBe(true);
    expect(await linkOAuthAccount(googleSignIn(address("oauth-stranger")))).toEqual({
      ok: false,
      reason: "SignUpRefused",
    });
  });

  it("a withdrawn invitation stops working; a second invitation replaces the first", async () => {
    await saveSignUpRules({ actor: admin, input: { policy: "INVITE_ONLY", allowedDomains: [] } });
    const invited = address("withdrawn");
    const first = await invite(invited);
    const second = await invite(invited);
    await expectAppError(join(invited, first), "forbidden");
    const pending = (await listInvitations({ actor: admin })).find(
      (entry) => entry.email === invited && entry.status === "pending",
    );
    await revokeInvitation({ actor: admin, id: pending!.id });
    await expectAppError(join(invited, second), "forbidden");
    await expectAppError(revokeInvitation({ actor: admin, id: pending!.id }), "not_found");
  });

  it("domains: addresses at a listed domain join, others do not; a domain list is required", async () => {
    const bad = await expectAppError(
      saveSignUpRules({ actor: admin, input: { policy: "DOMAINS", allowedDomains: [] } }),
      "bad_request",
    );
    expect(bad.fieldErrors?.allowedDomains).toEqual(["Name at least one domain, e.g. acme.com."]);
    await expectAppError(
      saveSignUpRules({
        actor: admin,
        input: { policy: "DOMAINS", allowedDomains: ["not a domain"] },
      }),
      "bad_request",
    );
    await saveSignUpRules({
      actor: admin,
      input: { policy: "DOMAINS", allowedDomains: ["@Acme.com"] },
    });
    await expect(join(address("worker", "acme.com"))).resolves.toMatchObject({
      name: "New Person",
    });
    const refusal = await expectAppError(join(address("outsider", "gmail.com")), "forbidden");
    expect(refusal.message).toBe("Sign-ups are open to addresses at acme.com only.");
  });

  it("an address that already has an account cannot be invited", async () => {
    await saveSignUpRules({ actor: admin, input: { policy: "OPEN", allowedDomains: [] } });
    const member = address("member");
    await join(member);
    await expectAppError(inviteToInstance({ actor: admin, input: { email: member } }), "conflict");
  });
});

describe("[ACCOUNTS]: sign-up settings and invitations are for admins only", () => {
  it("refuses a user (403) and someone signed out (401), and changes nothing", async () => {
    await saveSignUpRules({ actor: admin, input: { policy: "OPEN", allowedDomains: [] } });
    const user = await createActor();
    for (const [actor, status] of [
      [user, 403],
      [null, 401],
    ] as const) {
      setSessionActor(actor);
      const save = await signUpRulesRoute(
        appRequest("/api/admin/sign-ups", {
          method: "PUT",
          body: { policy: "CLOSED", allowedDomains: [] },
        }),
        segment({}),
      );
      expect(save.status).toBe(status);
      expect(
        (await invitationsRoute(appRequest("/api/admin/invitations"), segment({}))).status,
      ).toBe(status);
    }
    expect(
      (await prisma.instanceSettings.findUniqueOrThrow({ where: { id: 1 } })).signUpPolicy,
    ).toBe("OPEN");
  });
});
