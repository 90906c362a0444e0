import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "../db";
import { env } from "../env";

export type InstanceSecrets = {
  authSecret: string;
  encryptionKey: Buffer;
  encryptionKeyId: string;
};

/**
 * Secrets come from env when given; otherwise they are generated once and kept in the database
 * (with the embedded data by default), so `npm start` needs no configuration and sessions survive
 * restarts. Several instances sharing one PostgreSQL agree on the same values (insert-if-absent).
 */
async function readOrCreate(name: string, generate: () => string): Promise<string> {
  await prisma.instanceSecret.createMany({
    data: [{ name, value: generate() }],
    skipDuplicates: true,
  });
  const row = await prisma.instanceSecret.findUniqueOrThrow({ where: { name } });
  return row.value;
}

const cache = globalThis as unknown as { atelierSecrets?: Promise<InstanceSecrets> };

export function getInstanceSecrets(): Promise<InstanceSecrets> {
  cache.atelierSecrets ??= (async () => {
    const authSecret =
      env.AUTH_SECRET ?? (await readOrCreate("auth_secret", () => randomBytes(32).toString("hex")));
    if (env.ENCRYPTION_KEY) {
      return {
        authSecret,
        encryptionKey: Buffer.from(env.ENCRYPTION_KEY, "hex"),
        encryptionKeyId: env.ENCRYPTION_KEY_ID,
      };
    }
    const key = await readOrCreate("encryption_key", () => randomBytes(32).toString("hex"));
    return { authSecret, encryptionKey: Buffer.from(key, "hex"), encryptionKeyId: "instance" };
  })().catch((error) => {
    cache.atelierSecrets = undefined;
    throw error;
  });
  return cache.atelierSecrets;
}

/** Tests that swap databases must forget secrets read from the previous one. */
export function forgetInstanceSecrets(): void {
  cache.atelierSecrets = undefined;
}
