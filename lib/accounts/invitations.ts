import "server-only";
import { z } from "zod";
import { assertAdmin } from "../admin/policy";
import { emailSchema } from "../auth/schemas";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { appUrl } from "../env";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { parseInput } from "../gpts/parse-input";
import { dispatchEmail, queueEmail } from "../mail/send-email";
import { invitation as invitationMail } from "../mail/templates";
import { hashLinkToken, newLinkToken } from "./link-token";

export const INVITATION_DAYS = 14;

export const invitationInputSchema = z.object({ email: emailSchema });

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";
export type InvitationView = {
  id: string;
  email: string;
  status: InvitationStatus;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
};

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }) {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= Date.now() ? "expired" : "pending";
}

const viewSelect = {
  id: true,
  email: true,
  acceptedAt: true,
  revokedAt: true,
  expiresAt: true,
  createdAt: true,
  invitedBy: { select: { name: true, email: true } },
} as const;

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof viewSelect }>;

function toView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    status: statusOf(row),
    invitedBy: row.invitedBy ? (row.invitedBy.name ?? row.invitedBy.email) : null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * An admin invites an address: a 14-day link to the sign-up page, bound to that address (under
 * any sign-up policy but Closed it lets that address in). A new invitation replaces a pending one.
 */
export async function inviteToInstance({ actor, input }: { actor: Actor; input: unknown }) {
  assertAdmin(actor);
  const { email } = parseInput(invitationInputSchema, input);
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("conflict", "That address already has an account.", {
      email: ["That address already has an account."],
    });
  }
  const { token, tokenHash } = newLinkToken();
  const { row, mail } = await prisma.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const row = await tx.invitation.create({
      data: {
        email,
        tokenHash,
        invitedById: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
      },
      select: viewSelect,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "user.invite",
        targetType: "Invitation",
        targetId: row.id,
        data: { email },
      },
    });
    const mail = await queueEmail(tx, {
      to: email,
      kind: "invitation",
      content: invitationMail({
        inviterName: actor.name ?? "An administrator",
        url: `${appUrl}/sign-up?invite=${encodeURIComponent(token)}`,
      }),
    });
    return { row, mail };
  });
  await dispatchEmail(mail);
  return toView(row);
}

/** The newest invitations (100), for Admin → Settings → Sign-ups. */
export async function listInvitations({ actor }: { actor: Actor }): Promise<InvitationView[]> {
  assertAdmin(actor);
  const rows = await prisma.invitation.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: viewSelect,
  });
  return rows.map(toView);
}

export async function revokeInvitation({ actor, id }: { actor: Actor; id: string }) {
  assertAdmin(actor);
  const { count } = await prisma.invitation.updateMany({
    where: { id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("not_found", "That invitation is no longer pending.");
  await prisma.auditLog.create({
    data: {
      actorId: actor.id,
      action: "user.invite.revoke",
      targetType: "Invitation",
      targetId: id,
    },
  });
}

/** A pending invitation for `email`: by its link's token (sign-up form) or by address (OAuth). */
export async function findPendingInvitation(options: {
  email: string;
  token?: string | null;
}): Promise<{ id: string } | null> {
  return prisma.invitation.findFirst({
    where: {
      email: options.email,
      ...(options.token ? { tokenHash: hashLinkToken(options.token) } : {}),
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

/** Marks an invitation used, in the transaction that creates its account; false if it was used meanwhile. */
export async function acceptInvitation(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({
    where: { id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: new Date() },
  });
  return count === 1;
}

/** The address a pending invitation link is for (the sign-up page fills it in), or null. */
export async function invitationEmailOf(token: string): Promise<string | null> {
  const row = await prisma.invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { email: true, acceptedAt: true, revokedAt: true, expiresAt: true },
  });
  return row && statusOf(row) === "pending" ? row.email : null;
}
