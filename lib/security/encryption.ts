import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for credentials at rest (model API keys, later action secrets).
 * Format: "v1:<keyId>:<iv b64>:<tag b64>:<ciphertext b64>". The key id lets a rotated key be
 * told apart from the old one; decrypting with the wrong key fails loudly (auth tag mismatch).
 */
export type EncryptionKey = { id: string; key: Buffer };

export function encryptSecret(plaintext: string, { id, key }: EncryptionKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", id, iv.toString("base64"), tag.toString("base64"), data.toString("base64")].join(
    ":",
  );
}

export function decryptSecret(payload: string, keys: EncryptionKey[]): string {
  const [version, keyId, iv, tag, data] = payload.split(":");
  if (version !== "v1" || !keyId || !iv || !tag || data === undefined) {
    throw new Error("Unrecognised secret format");
  }
  const match = keys.find((candidate) => candidate.id === keyId);
  if (!match) throw new Error(`No encryption key with id "${keyId}" is configured`);
  const decipher = createDecipheriv("aes-256-gcm", match.key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString(
    "utf8",
  );
}
