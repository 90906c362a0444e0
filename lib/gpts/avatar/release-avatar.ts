import "server-only";
import { prisma } from "../../db";
import { deleteObject } from "../../storage/storage";

/**
 * Deletes a picture's file once nothing refers to it any more: no GPT's draft (deleted GPTs
 * included, their conversations still show it) and no published version (restoring one brings
 * its picture back) and no creator profile (a draft may pick any picture under its owner's
 * prefix, the profile's included). Called after a draft stops using a picture. Never throws: a file left
 * behind costs disk space, a failed save would cost the creator's edit.
 */
export async function releaseAvatar(key: string): Promise<void> {
  try {
    const [drafts, versions, profiles] = await Promise.all([
      prisma.gpt.count({ where: { avatarKey: key } }),
      prisma.gptVersion.count({ where: { avatarKey: key } }),
      prisma.builderProfile.count({ where: { avatarKey: key } }),
    ]);
    if (drafts === 0 && versions === 0 && profiles === 0) await deleteObject(key);
  } catch (error) {
    console.error(`[atelier] could not release avatar ${key}:`, error);
  }
}
