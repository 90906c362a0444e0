/**
 * `npm run admin:reset-password -- <email>`: sets a new random password on an account and prints
 * it once; every session of that account ends. For an operator locked out of their admin account
 * (no email configured, password lost). With the embedded database, stop the app first: the data
 * directory belongs to one process at a time (the lock says so).
 */
import { operatorResetPassword } from "../lib/accounts/operator-reset-password";
import { ensureDatabase } from "../lib/db";

async function main() {
  const email = process.argv[2];
  if (!email) {
    console.error("Usage: npm run admin:reset-password -- <email>");
    process.exit(2);
  }
  const db = await ensureDatabase();
  try {
    const result = await operatorResetPassword(email);
    console.log(`New password for ${result.email}: ${result.password}`);
    console.log("Shown only once: sign in with it, then change it in Settings → Security.");
  } finally {
    await db.close();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(`Could not reset the password: ${(error as Error).message}`);
  process.exit(1);
});
