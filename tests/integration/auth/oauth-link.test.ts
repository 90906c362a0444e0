import type { Account, Profile } from "next-auth";
import { describe, expect, it } from "vitest";
import { linkOAuthAccount } from "@/lib/auth/link-oauth-account";
import { prisma } from "@/lib/db";

let counter = 0;
function googleSignIn(email: string, verified = true): { account: Account; profile: Profile } {
  counter += 1;
  return {
    account: {
      provider: "google",
      providerAccountId: `google-${counter}-${Date.now()}`,
      type: "oauth",
    } as Account,
    profile: { email, name: "Google User", email_verified: verified } as Profile,
  };
}

async function passwordAccount(email: string, isVerified: boolean) {
  return prisma.user.create({
    data: {
      email,
      name: "Owner",
      passwordHash: "$argon2id$placeholder",
      emailVerifiedAt: isVerified ? new Date() : null,
    },
  });
}

describe("[AUTH]: OAuth sign-in links to an existing account only when both sides verified the email", () => {
  it("refuses to link to an unverified password account: whoever registered the address first keeps nothing", async () => {
    const squatted = await passwordAccount(`victim-${Date.now()}@example.com`, false);
    const result = await linkOAuthAccount(googleSignIn(squatted.email));
    expect(result).toEqual({ ok: false, reason: "LinkRequiresSignIn" });
    expect(await prisma.account.count({ where: { userId: squatted.id } })).toBe(0);
  });

  it("links to a verified account, and signs in with it from then on", async () => {
    const owner = await passwordAccount(`owner-${Date.now()}@example.com`, true);
    const signIn = googleSignIn(owner.email);
    expect(await linkOAuthAccount(signIn)).toEqual({ ok: true, userId: owner.id });
    expect(await linkOAuthAccount(signIn)).toEqual({ ok: true, userId: owner.id });
  });

  it("creates a verified account for a new address, and refuses an address the provider did not verify", async () => {
    const email = `new-${Date.now()}@example.com`;
    const result = await linkOAuthAccount(googleSignIn(email));
    expect(result.ok).toBe(true);
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt,
    ).not.toBeNull();
    expect(
      await linkOAuthAccount(googleSignIn(`unverified-${Date.now()}@example.com`, false)),
    ).toEqual({
      ok: false,
      reason: "NoEmail",
    });
  });

  it("a signed-in user connects a provider to their own account, whatever its email; one already connected elsewhere is refused", async () => {
    const user = await passwordAccount(`settings-${Date.now()}@example.com`, true);
    const other = await passwordAccount(`other-${Date.now()}@example.com`, true);
    const signIn = googleSignIn("a-different-address@example.com");
    expect(await linkOAuthAccount({ ...signIn, signedInUserId: user.id })).toEqual({
      ok: true,
      userId: user.id,
    });
    expect(await linkOAuthAccount({ ...signIn, signedInUserId: other.id })).toEqual({
      ok: false,
      reason: "AlreadyLinked",
    });
  });
});
