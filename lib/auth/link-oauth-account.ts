import "server-only";
import type { Account, Profile } from "next-auth";
import { acceptInvitation, findPendingInvitation } from "../accounts/invitations";
import { signUpRefusal } from "../accounts/sign-up-policy";
import { getSignUpRules } from "../accounts/sign-up-rules";
import { prisma } from "../db";

export type OAuthLinkRefusal =
  | "Suspended"
  | "NoEmail"
  | "LinkRequiresSignIn"
  | "AlreadyLinked"
  | "SignUpRefused";
type LinkResult = { ok: true; userId: string } | { ok: false; reason: OAuthLinkRefusal };

/**
 * Finds or creates the user behind an OAuth sign-in, or links the identity to the user already
 * signed in (Settings → Security → Connect).
 *
 * Matching an existing account by email needs two verified sides: the provider's (Google's
 * `email_verified`; GitHub returns only verified primary emails) and ours (`emailVerifiedAt`). An
 * unverified password account is not linked: whoever registered the address first could
 * otherwise keep access after its real owner signs in with Google. That owner is asked to sign
 * in with the password (or reset it, which verifies the address) and connect from settings.
 */
export async function linkOAuthAccount({
  account,
  profile,
  fallbackEmail,
  signupNetworkHash = null,
  signedInUserId = null,
}: {
  account: Account;
  profile?: Profile;
  fallbackEmail?: string | null;
  /** Kept on an account created here (lib/security/network-hash.ts). */
  signupNetworkHash?: string | null;
  /** The user signed in on this browser, when they connect a provider from settings. */
  signedInUserId?: string | null;
}): Promise<LinkResult> {
  const identity = { provider: account.provider, providerAccountId: account.providerAccountId };
  const existing = await prisma.account.findUnique({
    where: { provider_providerAccountId: identity },
    include: { user: true },
  });
  if (existing) {
    if (signedInUserId && existing.userId !== signedInUserId) {
      return { ok: false, reason: "AlreadyLinked" };
    }
    if (existing.user.bannedAt) return { ok: false, reason: "Suspended" };
    return { ok: true, userId: existing.userId };
  }
  if (signedInUserId) {
    await prisma.account.create({ data: { userId: signedInUserId, ...identity } });
    return { ok: true, userId: signedInUserId };
  }

  const email = (profile?.email ?? fallbackEmail)?.toLowerCase();
  const isVerifiedByProvider =
    account.provider === "github" ||
    (profile as { email_verified?: boolean } | undefined)?.email_verified === true;
  if (!email || !isVerifiedByProvider) return { ok: false, reason: "NoEmail" };
  const holder = await prisma.user.findUnique({ where: { email } });
  if (holder && !holder.emailVerifiedAt) return { ok: false, reason: "LinkRequiresSignIn" };
  // A new account: the sign-up policy applies as to the sign-up form (an invitation to this
  // address lets it in).
  const invitation = holder ? null : await findPendingInvitation({ email });
  if (
    !holder &&
    signUpRefusal({ rules: await getSignUpRules(), email, hasInvitation: invitation !== null })
  ) {
    return { ok: false, reason: "SignUpRefused" };
  }
  if (invitation) await acceptInvitation(prisma, invitation.id);
  const user =
    holder ??
    (await prisma.user.upsert({
      where: { email },
      update: {},
      create: {
        email,
        name: profile?.name ?? null,
        image: profile?.image ?? null,
        signupNetworkHash,
        // The provider verified it.
        emailVerifiedAt: new Date(),
      },
    }));
  if (user.bannedAt) return { ok: false, reason: "Suspended" };
  await prisma.account.create({ data: { userId: user.id, ...identity } });
  return { ok: true, userId: user.id };
}
