/**
 * `npm run db:seed`: seeds an empty database (admin, categories, demo GPTs). The server does this
 * on its first start; this is for databases prepared ahead of time. Idempotent.
 */

import { ensureDatabase } from "../lib/db";
import { env } from "../lib/env";
import { seedDatabase } from "../prisma/seed";

async function main() {
  const db = await ensureDatabase();
  const result = await seedDatabase(db.prisma, {
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    withDemoContent: env.SEED_DEMO_CONTENT === "true",
  });
  if (!result.isFirstSeed) console.log("The database already has an admin: nothing to seed.");
  else {
    console.log(`Admin: ${result.adminEmail}`);
    console.log(
      result.generatedAdminPassword
        ? `Password: ${result.generatedAdminPassword}   (shown only once: save it)`
        : "Password: the ADMIN_PASSWORD you configured",
    );
  }
  await db.close();
}

main().catch((error) => {
  console.error(`Seeding failed: ${(error as Error).message}`);
  process.exit(1);
});
