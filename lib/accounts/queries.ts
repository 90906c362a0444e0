import "server-only";
import { oauthProviderIds } from "../auth/options";
import { prisma } from "../db";

export type AccountSecurity = {
  email: string;
  isEmailVerified: boolean;
  hasPassword: boolean;
  /** Sign-in providers this instance offers, and whether this account is connected to each. */
  providers: { id: "github" | "google"; isConnected: boolean }[];
};

/** Settings → Security's account facts, for the signed-in user only. */
export async function getAccountSecurity(actor: { id: string }): Promise<AccountSecurity> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      email: true,
      emailVerifiedAt: true,
      passwordHash: true,
      accounts: { select: { provider: true } },
    },
  });
  const connected = new Set(user.accounts.map((account) => account.provider));
  return {
    email: user.email,
    isEmailVerified: Boolean(user.emailVerifiedAt),
    hasPassword: Boolean(user.passwordHash),
    providers: oauthProviderIds().map((id) => ({ id, isConnected: connected.has(id) })),
  };
}
