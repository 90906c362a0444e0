import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BlobStore } from "./blob-store";

/** Files under one folder on local disk (STORAGE_DIR): the default, no configuration needed. */
export function localDiskStore(rootDir: string): BlobStore {
  const root = path.resolve(rootDir);
  const pathOf = (key: string) => {
    const full = path.resolve(root, key);
    // Keys are validated by storage.ts already; this is the last line against leaving the folder.
    if (!full.startsWith(root + path.sep)) throw new Error(`Invalid storage key: ${key}`);
    return full;
  };
  return {
    // Atomic (temp file + rename), so a reader never sees half a file.
    async put(key, bytes) {
      const full = pathOf(key);
      await mkdir(path.dirname(full), { recursive: true });
      const temporary = `${full}.${randomBytes(9).toString("base64url")}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, full);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch {
        return false;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
