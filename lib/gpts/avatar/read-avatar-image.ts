import "server-only";
import { getObject } from "../../storage/storage";
import { AVATAR_KEY_PATTERN } from "../schemas";

/**
 * An uploaded avatar's WebP bytes by its key's parts, or null when there is none. Avatars are
 * public pictures addressed by unguessable keys, so no actor is needed; anything that is not an
 * avatar key is null before storage is touched.
 */
export async function readAvatarImage({
  owner,
  file,
}: {
  owner: string;
  file: string;
}): Promise<Buffer | null> {
  const key = `avatars/${owner}/${file}`;
  if (!AVATAR_KEY_PATTERN.test(key)) return null;
  return getObject(key);
}
