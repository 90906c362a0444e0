import "server-only";
import { env } from "../env";
import { decryptSecret, type EncryptionKey, encryptSecret } from "./encryption";
import { getInstanceSecrets } from "./instance-secrets";

/** Keys retired by a rotation (ENCRYPTION_PREVIOUS_KEYS): they still open what they sealed. */
function previousKeys(): EncryptionKey[] {
  if (!env.ENCRYPTION_PREVIOUS_KEYS) return [];
  return env.ENCRYPTION_PREVIOUS_KEYS.split(",").map((entry) => {
    const [id, hex] = entry.split(":");
    return { id: id!, key: Buffer.from(hex!, "hex") };
  });
}

/** Encrypts with the instance's current key. */
export async function sealSecret(plaintext: string): Promise<string> {
  const { encryptionKey, encryptionKeyId } = await getInstanceSecrets();
  return encryptSecret(plaintext, { id: encryptionKeyId, key: encryptionKey });
}

/** Decrypts with the key named in the ciphertext: the current one or a previous one. */
export async function openSecret(ciphertext: string): Promise<string> {
  const { encryptionKey, encryptionKeyId } = await getInstanceSecrets();
  return decryptSecret(ciphertext, [
    { id: encryptionKeyId, key: encryptionKey },
    ...previousKeys(),
  ]);
}
