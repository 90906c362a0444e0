import "server-only";
import { decryptSecret, encryptSecret } from "./encryption";
import { getInstanceSecrets } from "./instance-secrets";

/** Encrypts with the instance's current key. */
export async function sealSecret(plaintext: string): Promise<string> {
  const { encryptionKey, encryptionKeyId } = await getInstanceSecrets();
  return encryptSecret(plaintext, { id: encryptionKeyId, key: encryptionKey });
}

export async function openSecret(ciphertext: string): Promise<string> {
  const { encryptionKey, encryptionKeyId } = await getInstanceSecrets();
  return decryptSecret(ciphertext, [{ id: encryptionKeyId, key: encryptionKey }]);
}
