import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { acquireDataDirLock, DataDirLockedError } from "@/lib/db/embedded-lock";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";
import { getInstanceSecrets } from "@/lib/security/instance-secrets";
import { seedDatabase } from "../../../prisma/seed";

describe("[DB]: migrations", () => {
  it("applies every migration once and is a no-op on the next start", async () => {
    const db = openDatabase({ kind: "embedded", dataDir: "memory://" });
    try {
      const first = await applyMigrations(db.sql);
      expect(first).toEqual(readMigrations().map((migration) => migration.name));
      expect(await applyMigrations(db.sql)).toEqual([]);
      const rows = await db.sql.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations"`,
      );
      expect(rows).toHaveLength(first.length);
    } finally {
      await db.close();
    }
    // A fresh embedded cluster (initdb in WASM) and every migration: ~20 s of CPU beside e2e,
    // which the PostgreSQL pass's second worker and the browser tests share.
  }, 120_000);

  it("rolls back a failing migration completely", async () => {
    const db = openDatabase({ kind: "embedded", dataDir: "memory://" });
    try {
      await expect(
        applyMigrations(db.sql, [
          { name: "001_ok", sql: "CREATE TABLE half_done (id int);", checksum: "a" },
          {
            name: "002_broken",
            sql: "CREATE TABLE nope (id int REFERENCES missing(id));",
            checksum: "b",
          },
        ]),
      ).rejects.toThrow(/002_broken/);
      const tables = await db.sql.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
      expect(tables).toHaveLength(0);
    } finally {
      await db.close();
    }
  });
});

describe("[DB]: the embedded data directory has one owner", () => {
  it("gives a second opener a clear error while the first holds it, and takes over a stale lock", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atelier-lock-"));
    try {
      const release = acquireDataDirLock(dir);
      // Same process re-acquiring is allowed; simulate another live owner by writing pid 1.
      release();
      const fs = require("node:fs") as typeof import("node:fs");
      fs.writeFileSync(path.join(dir, "atelier.lock"), "1");
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(/in use by another process \(pid 1\)/);
      fs.writeFileSync(path.join(dir, "atelier.lock"), "999999999");
      const releaseStale = acquireDataDirLock(dir);
      releaseStale();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("[DB]: first-start seed and secrets", () => {
  it("creates an admin with a generated password once, categories and marked demo GPTs", async () => {
    const first = await seedDatabase(prisma, { withDemoContent: true });
    expect(first.isFirstSeed).toBe(true);
    expect(first.generatedAdminPassword).toMatch(/^[\w-]{20,}$/);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@atelier.local" } });
    expect(admin.role).toBe("ADMIN");
    expect(await prisma.category.count()).toBeGreaterThanOrEqual(6);
    const demos = await prisma.gpt.findMany({ where: { isDemo: true } });
    expect(demos.length).toBeGreaterThanOrEqual(3);
    expect(demos.every((gpt) => gpt.publishedVersionId && gpt.visibility === "PUBLIC")).toBe(true);

    const second = await seedDatabase(prisma, { withDemoContent: true });
    expect(second).toMatchObject({ isFirstSeed: false, generatedAdminPassword: null });
    expect(await prisma.gpt.count({ where: { isDemo: true } })).toBe(demos.length);
  });

  it("generates instance secrets once and returns the same ones afterwards", async () => {
    const first = await getInstanceSecrets();
    const { forgetInstanceSecrets } = await import("@/lib/security/instance-secrets");
    forgetInstanceSecrets();
    const second = await getInstanceSecrets();
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(first.encryptionKey).toHaveLength(32);
  });
});
