import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { BuilderProfilePayload } from "./builder-profile-schema";

export function suggestedDisplayName(actor: Pick<Actor, "name" | "email">): string {
  return (actor.name ?? "").trim().slice(0, 50) || actor.email.split("@")[0].slice(0, 50);
}

export async function getBuilderProfile({
  actor,
}: {
  actor: Actor;
}): Promise<BuilderProfilePayload> {
  const profile = await prisma.builderProfile.findUnique({
    where: { userId: actor.id },
    select: { displayName: true },
  });
  return { profile, suggestedDisplayName: suggestedDisplayName(actor) };
}

export const BUILDER_PROFILE_REQUIRED_MESSAGE =
  "Public GPTs show their creator's name in the store. Add your display name to make this GPT public.";

/**
 * Listing a GPT in the store needs a creator name to show next to it. Nothing is made up on the
 * creator's behalf: without a profile the request fails with a field error the UI asks for in place.
 */
export async function assertHasBuilderProfile(
  tx: Prisma.TransactionClient,
  userId: string,
): Promise<void> {
  const profile = await tx.builderProfile.findUnique({ where: { userId }, select: { id: true } });
  if (!profile) {
    throw new AppError("bad_request", BUILDER_PROFILE_REQUIRED_MESSAGE, {
      displayName: ["Add the name shown as the creator of your public GPTs."],
    });
  }
}
