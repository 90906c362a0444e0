/**
 * Authors the next migration from prisma/schema.prisma, without Prisma's native engine:
 * the WASM build of the schema engine replays prisma/migrations on an in-memory PGlite (the shadow
 * database) and diffs that against the schema.
 *
 *   npm run db:migration:new -- add_reviews
 *
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql, or says there is nothing to do.
 * Vector columns/indexes are not expressible in the schema: add them to the SQL by hand, guarded
 * so the migration still runs on PostgreSQL without pgvector (see the init migration).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <name>   (lowercase letters, digits, _)");
  process.exit(2);
}

const root = process.cwd();
const migrationsDir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");

async function loadEngine() {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const bytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg;
}

/**
 * pglite-prisma-adapter 0.7.2 returns from executeScript before the script has run, so the engine
 * would inspect the shadow database before the replayed migrations land. Await it here.
 */
function awaitingScriptsFactory(db: PGlite) {
  const factory = new PrismaPGlite(db);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      await db.exec(script);
    };
    return adapter;
  };
  factory.connectToShadowDb = factory.connect;
  return factory;
}

async function main() {
  mkdirSync(migrationsDir, { recursive: true });
  const existing = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const schemaText = readFileSync(schemaPath, "utf8");
  const bg = await loadEngine();
  const shadow = new PGlite("memory://", { extensions: { vector, pg_trgm } });
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(awaitingScriptsFactory(shadow)),
  );
  const from =
    existing.length === 0
      ? { tag: "empty" }
      : {
          tag: "migrations",
          baseDir: migrationsDir,
          lockfile: {
            path: "migration_lock.toml",
            content: readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8"),
          },
          shadowDbInitScript: "",
          migrationDirectories: existing.map((dir) => ({
            path: dir,
            migrationFile: {
              path: "migration.sql",
              content: {
                tag: "ok",
                value: readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8"),
              },
            },
          })),
        };
  const result = await engine.diff({
    from,
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaText }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();
  if (!sql || sql === "-- This is an empty migration.") {
    console.log("The schema matches the migrations: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
}

main()
  .then(() => process.exit(0)) // the engine keeps a timer alive for ~10 s after it finishes
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
