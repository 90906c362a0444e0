import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/security/encryption";

const key = { id: "k1", key: randomBytes(32) };

describe("[SECURITY]: secrets at rest (AES-256-GCM)", () => {
  it("round-trips a secret and never stores the plaintext", () => {
    const sealed = encryptSecret("sk-live-123", key);
    expect(sealed).not.toContain("sk-live-123");
    expect(sealed.startsWith("v1:k1:")).toBe(true);
    expect(decryptSecret(sealed, [key])).toBe("sk-live-123");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = encryptSecret("sk-live-123", key).split(":");
    const data = Buffer.from(sealed[4], "base64");
    data[0] ^= 0xff;
    sealed[4] = data.toString("base64");
    expect(() => decryptSecret(sealed.join(":"), [key])).toThrow();
  });

  it("picks the key by its id, so rotated keys can coexist", () => {
    const next = { id: "k2", key: randomBytes(32) };
    const sealedWithOld = encryptSecret("old", key);
    expect(decryptSecret(sealedWithOld, [next, key])).toBe("old");
    expect(() => decryptSecret(sealedWithOld, [next])).toThrow(/k1/);
  });
});
