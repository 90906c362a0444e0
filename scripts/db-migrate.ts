/** `npm run db:migrate`: applies pending migrations to the configured database, then exits. */
import { database } from "../lib/db";
import { applyMigrations } from "../lib/db/migrate";

async function main() {
  const db = database();
  const pending = await applyMigrations(db.sql);
  console.log(pending.length === 0 ? "Database is up to date." : `Applied: ${pending.join(", ")}`);
  await db.close();
}

main().catch((error) => {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exit(1);
});
