import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { ensureBuilderProfile } from "./factories";

let counter = 0;

/** The store-moderation settings, written directly (the admin route is tested on its own). */
export async function setModerationSettings(settings: {
  listingReviewPolicy?: "ALL_PUBLIC" | "FLAGGED_ONLY";
  blockedTerms?: string[];
  protectedNames?: string[];
}) {
  const data = {
    ...(settings.listingReviewPolicy ? { listingReviewPolicy: settings.listingReviewPolicy } : {}),
    ...(settings.blockedTerms ? { moderationBlockedTerms: settings.blockedTerms } : {}),
    ...(settings.protectedNames ? { moderationProtectedNames: settings.protectedNames } : {}),
  };
  await prisma.instanceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, ...data },
    update: data,
  });
}

/**
 * A draft GPT with a name and description of its own (so it is nobody's near-duplicate), with the
 * owner's builder profile in place for a public publish.
 */
export async function createDraftGpt(
  owner: Actor,
  fields: { name?: string; description?: string; instructions?: string; starters?: string[] } = {},
) {
  counter += 1;
  await ensureBuilderProfile(owner);
  return createGpt({
    actor: owner,
    input: {
      name: fields.name ?? `Listing ${counter} ${Math.random().toString(36).slice(2, 8)}`,
      description: fields.description ?? `Helps with task number ${counter}.`,
      instructions: fields.instructions ?? "Be brief.",
      conversationStarters: fields.starters ?? ["Hello"],
    },
  });
}

export function publishAs(
  owner: Actor,
  gptId: string,
  visibility: "PRIVATE" | "LINK" | "PUBLIC" = "PUBLIC",
) {
  return publishGpt({ actor: owner, gptId, input: { visibility } });
}

/** The GPT's row fields the review pipeline changes. */
export function gptState(gptId: string) {
  return prisma.gpt.findUniqueOrThrow({
    where: { id: gptId },
    select: { status: true, visibility: true, publishedVersionId: true },
  });
}

export function reviewsOf(gptId: string) {
  return prisma.listingReview.findMany({ where: { gptId }, orderBy: { createdAt: "asc" } });
}

export function notificationsOf(userId: string) {
  return prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}
