import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { EmailTokenPurpose } from "../generated/prisma/enums";
import { hashLinkToken, newLinkToken } from "./link-token";

/** How long each kind of link works. */
export const TOKEN_LIFETIME_MINUTES: Record<EmailTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60,
  RESET_PASSWORD: 30,
  CHANGE_EMAIL: 24 * 60,
};

export const LINK_EXPIRED =
  "This link has expired or has already been used. Ask for a new one and use the latest email.";

/**
 * A single-use link token for a user (lib/accounts/link-token.ts). Issuing one retires the user's earlier unused tokens of
 * the same purpose, so only the newest email works. Runs in the caller's transaction, with the
 * email that carries it.
 */
export async function issueEmailToken(options: {
  tx: Prisma.TransactionClient;
  userId: string;
  purpose: EmailTokenPurpose;
  /** The address the link goes to (the new address, for an email change). */
  email: string;
}): Promise<string> {
  const { tx, userId, purpose, email } = options;
  const { token, tokenHash } = newLinkToken();
  const now = new Date();
  await tx.emailToken.updateMany({
    where: { userId, purpose, usedAt: null },
    data: { usedAt: now },
  });
  await tx.emailToken.create({
    data: {
      userId,
      purpose,
      email,
      tokenHash,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000),
    },
  });
  return token;
}

/**
 * Uses a token once: marks it used and returns it, or throws `bad_request` (LINK_EXPIRED) when it
 * is unknown, expired, already used, or for another purpose. The conditional update makes two
 * clicks on one link succeed at most once.
 */
export async function consumeEmailToken(options: {
  tx?: Prisma.TransactionClient;
  token: string;
  purpose: EmailTokenPurpose;
}): Promise<{ userId: string; email: string }> {
  const db = options.tx ?? prisma;
  const tokenHash = hashLinkToken(options.token);
  const now = new Date();
  const { count } = await db.emailToken.updateMany({
    where: { tokenHash, purpose: options.purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 0) throw new AppError("bad_request", LINK_EXPIRED);
  const row = await db.emailToken.findUniqueOrThrow({ where: { tokenHash } });
  return { userId: row.userId, email: row.email };
}

/** Whether a token would still work, without using it (the reset page checks before it asks). */
export async function isEmailTokenUsable(options: {
  token: string;
  purpose: EmailTokenPurpose;
}): Promise<boolean> {
  const row = await prisma.emailToken.findUnique({
    where: { tokenHash: hashLinkToken(options.token) },
  });
  return Boolean(
    row && row.purpose === options.purpose && !row.usedAt && row.expiresAt.getTime() > Date.now(),
  );
}
