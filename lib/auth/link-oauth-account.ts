import "server-only";
import type { Account, Profile } from "next-auth";
import { prisma } from "../db";

type LinkResult = { ok: true; userId: string } | { ok: false; reason: "Suspended" | "NoEmail" };

/**
 * Finds or creates the user behind an OAuth sign-in. Matching an existing account by email is only
 * done for emails the provider says are verified (Google's `email_verified`; GitHub returns only
 * verified primary emails), so nobody can take over an account by registering its email elsewhere.
 */
export async function linkOAuthAccount({
  account,
  profile,
  fallbackEmail,
  signupNetworkHash = null,
}: {
  account: Account;
  profile?: Profile;
  fallbackEmail?: string | null;
  /** Kept on an account created here (lib/security/network-hash.ts). */
  signupNetworkHash?: string | null;
}): Promise<LinkResult> {
  const existing = await prisma.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      },
    },
    include: { user: true },
  });
  if (existing) {
    if (existing.user.bannedAt) return { ok: false, reason: "Suspended" };
    return { ok: true, userId: existing.userId };
  }
  const email = (profile?.email ?? fallbackEmail)?.toLowerCase();
  const isVerified =
    account.provider === "github" ||
    (profile as { email_verified?: boolean } | undefined)?.email_verified === true;
  if (!email || !isVerified) return { ok: false, reason: "NoEmail" };
  const user = await prisma.user.upsert({
    where: { email },
    update: {},
    create: {
      email,
      name: profile?.name ?? null,
      image: profile?.image ?? null,
      signupNetworkHash,
    },
  });
  if (user.bannedAt) return { ok: false, reason: "Suspended" };
  await prisma.account.create({
    data: {
      userId: user.id,
      provider: account.provider,
      providerAccountId: account.providerAccountId,
    },
  });
  return { ok: true, userId: user.id };
}
