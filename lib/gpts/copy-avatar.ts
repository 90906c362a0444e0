import "server-only";
import { getObject, putObject, randomKeyPart } from "../storage/storage";

/**
 * Copies an uploaded avatar to a new key under the new owner's folder, so a copied GPT never
 * points at another owner's file (the draft schema only accepts the actor's own keys) and never
 * shares a blob that the other GPT may replace or delete later. A missing file gives null: the
 * copy falls back to the generated avatar. Runs before the database write; a failed write leaves
 * at worst one unreferenced file.
 */
export async function copyAvatar({
  avatarKey,
  ownerId,
}: {
  avatarKey: string | null;
  ownerId: string;
}): Promise<string | null> {
  if (!avatarKey) return null;
  const bytes = await getObject(avatarKey).catch(() => null);
  if (!bytes) return null;
  const key = `avatars/${ownerId}/${randomKeyPart()}.webp`;
  await putObject(key, bytes);
  return key;
}
