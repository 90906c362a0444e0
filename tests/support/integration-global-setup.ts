import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty PGlite data directory (a tar file) that each test file starts from. */
    pgliteTemplatePath: string | null;
  }
}

/**
 * Migrates one in-memory PGlite and dumps it for the integration files to load. Creating a PGlite
 * cluster (initdb in WASM) and migrating it cost ~4-5 s of CPU per test file on 2 cores; loading
 * the dump costs ~1 s. The real-PostgreSQL pass (TEST_DATABASE_URL) does not use it.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteTemplatePath", null);
    return;
  }
  // The integration projects (vitest.config.ts) share one template.
  template ??= dumpMigratedTemplate();
  project.provide("pgliteTemplatePath", await template);
  return () => rmSync(templatePath, { force: true });
}

const templatePath = path.join(os.tmpdir(), `atelier-pglite-template-${process.pid}.tar`);
let template: Promise<string> | undefined;

async function dumpMigratedTemplate(): Promise<string> {
  const db = openDatabase({ kind: "embedded", dataDir: "memory://" });
  await applyMigrations(db.sql);
  const dump = await db.pglite?.dumpDataDir("none");
  await db.close();
  if (!dump) throw new Error("PGlite did not dump its data directory.");
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  return templatePath;
}
