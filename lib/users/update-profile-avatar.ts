import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { storeAvatarImage } from "../gpts/avatar/store-avatar-image";
import { deleteObject } from "../storage/storage";

const PROFILE_FIRST = "Save your profile first, then add a picture.";

/**
 * A profile picture's file is the profile's alone (a fresh random key per upload), so the
 * previous one is deleted once the new key is saved. Never throws: a file left behind costs
 * disk space, a failed save would cost the edit.
 */
async function dropPicture(key: string | null): Promise<void> {
  if (!key) return;
  try {
    const [drafts, versions] = await Promise.all([
      prisma.gpt.count({ where: { avatarKey: key } }),
      prisma.gptVersion.count({ where: { avatarKey: key } }),
    ]);
    // A GPT may name the same key (both are avatars/<userId>/...): then it stays.
    if (drafts === 0 && versions === 0) await deleteObject(key);
  } catch (error) {
    console.error(`[atelier] could not delete profile picture ${key}:`, error);
  }
}

/** Checks, resizes and stores an uploaded picture (the GPT avatar pipeline) as the profile's. */
export async function updateProfileAvatar({
  actor,
  bytes,
}: {
  actor: Actor;
  bytes: Uint8Array;
}): Promise<{ avatarUrl: string | null }> {
  const before = await prisma.builderProfile.findUnique({
    where: { userId: actor.id },
    select: { avatarKey: true },
  });
  if (!before) throw new AppError("bad_request", PROFILE_FIRST, { file: [PROFILE_FIRST] });
  const { key } = await storeAvatarImage({ ownerId: actor.id, bytes });
  await prisma.builderProfile.update({ where: { userId: actor.id }, data: { avatarKey: key } });
  await dropPicture(before.avatarKey);
  return { avatarUrl: avatarUrl(key) };
}

/** Back to the initials avatar. Removing twice is fine. */
export async function removeProfileAvatar({ actor }: { actor: Actor }): Promise<{ ok: true }> {
  const before = await prisma.builderProfile.findUnique({
    where: { userId: actor.id },
    select: { avatarKey: true },
  });
  if (!before?.avatarKey) return { ok: true };
  await prisma.builderProfile.update({ where: { userId: actor.id }, data: { avatarKey: null } });
  await dropPicture(before.avatarKey);
  return { ok: true };
}
