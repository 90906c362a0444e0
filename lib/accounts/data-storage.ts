import "server-only";
import { prisma } from "../db";
import { deleteObject } from "../storage/storage";

/**
 * Deletes stored files after the rows that named them are gone. Never throws: a file left
 * behind costs disk space (and is unreachable: nothing names it), a failure here must not turn a
 * committed deletion into an error page.
 */
export async function deleteObjectsQuietly(keys: string[]): Promise<void> {
  await Promise.all(
    keys.map((key) =>
      deleteObject(key).catch((error: unknown) =>
        console.error(`[atelier] could not delete stored file ${key}`, error),
      ),
    ),
  );
}

/**
 * A deleted profile's picture, unless one of the user's GPTs (deleted GPTs included: others'
 * conversations with them still show it) or versions uses the same file.
 */
export async function releaseProfilePicture(key: string): Promise<void> {
  try {
    const [drafts, versions] = await Promise.all([
      prisma.gpt.count({ where: { avatarKey: key } }),
      prisma.gptVersion.count({ where: { avatarKey: key } }),
    ]);
    if (drafts === 0 && versions === 0) await deleteObjectsQuietly([key]);
  } catch (error) {
    console.error(`[atelier] could not release profile picture ${key}`, error);
  }
}
