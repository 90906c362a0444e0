/**
 * `npm run payouts:run`: closes every month whose close is due and runs the payout job once, as
 * the daily jobs do (Admin → Earnings has the same buttons). For a server database
 * (DATABASE_URL); the embedded database belongs to the running app, so stop it first or use the
 * admin page. Safe to run at any time: closes and payouts are idempotent, and payouts left in
 * flight by a crash are looked up at Stripe before anything is sent again.
 */
import { ensureDatabase } from "../lib/db";
import { closeEndedMonths } from "../lib/payouts/close-month";
import { runPayouts } from "../lib/payouts/pay-out";

async function main() {
  const db = await ensureDatabase();
  const closed = await closeEndedMonths();
  for (const result of closed)
    console.log(`Month ${result.month}: ${result.status.replace("_", " ")}`);
  const summary = await runPayouts();
  console.log(
    `Payouts: ${summary.paid} paid, ${summary.failed} failed, ${summary.stillPending} still pending (${summary.reconciled} from earlier runs settled).`,
  );
  await db.close();
}

main().catch((error) => {
  console.error(`Payout run failed: ${(error as Error).message}`);
  process.exit(1);
});
