/**
 * Seeds a fresh embedded database with one closed month of the revenue pool, the way the app
 * books it: a subscription payment and answers in the previous UTC month (tests/support/payouts.ts),
 * closeMonth, a creator onboarded at the fake Stripe, funds added, runPayouts. The app's PGlite
 * directory belongs to exactly one process, so this runs before a server opens it (see
 * seeded-app.ts). Run with `node --conditions=react-server --import tsx`; env as the app's.
 * Prints one JSON line: what the spec asserts.
 */
import type { Actor } from "../../../lib/auth/session";
import { signUp } from "../../../lib/auth/sign-up";
import { ensureDatabase, prisma } from "../../../lib/db";
import { closeMonth } from "../../../lib/payouts/close-month";
import { refreshPayoutAccount, startPayoutOnboarding } from "../../../lib/payouts/connect";
import { monthOf, previousMonth } from "../../../lib/payouts/months";
import { runPayouts } from "../../../lib/payouts/pay-out";
import { seedDatabase } from "../../../prisma/seed";
import { addAnswers, bookSubscriptionPayment, createGptRow } from "../../support/payouts";

const fakeStripe = process.env.STRIPE_API_URL;
const password = process.env.SEED_CREATOR_PASSWORD ?? "a-long-test-password";
if (!fakeStripe) throw new Error("STRIPE_API_URL (the fake Stripe) is required.");

async function control(path: string, body: object): Promise<void> {
  const response = await fetch(`${fakeStripe}/__control${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`fake Stripe ${path}: ${response.status} ${await response.text()}`);
}

async function creator(name: string, email: string): Promise<Actor> {
  const user = await signUp({ input: { name, email, password }, ip: "127.0.0.1" });
  return { ...user, role: "USER" };
}

async function main() {
  const db = await ensureDatabase();
  await seedDatabase(db.prisma, {
    adminEmail: process.env.ADMIN_EMAIL,
    adminPassword: process.env.ADMIN_PASSWORD,
    withDemoContent: false,
  });
  // Earnings available at once and paid from $1, so one small month pays out today.
  await prisma.instanceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, payoutHoldingDays: 0, payoutThresholdCents: 100 },
    update: { payoutHoldingDays: 0, payoutThresholdCents: 100 },
  });

  const now = new Date();
  const month = previousMonth(monthOf(now));
  const day = (n: number) => new Date(`${month}-${String(n).padStart(2, "0")}T12:00:00Z`);
  const stamp = Date.now();
  const cleo = await creator("Cleo Creator", `cleo-${stamp}@e2e.test`);
  const moe = await creator("Moe Moderated", `moe-${stamp}@e2e.test`);
  const chef = await createGptRow(cleo.id, "Chef");
  const removed = await createGptRow(moe.id, "Removed Helper");
  await prisma.gpt.update({ where: { id: removed.id }, data: { status: "REMOVED" } });

  // Ana pays $20 (fee $0.88): 50 % of $19.12 = $9.56 to share over her 20 engaged answers.
  const ana = await prisma.user.create({
    data: { email: `ana-${stamp}@e2e.test`, name: "Ana Payer" },
  });
  await bookSubscriptionPayment({ userId: ana.id, at: day(9), cents: 2000, feeCents: 88 });
  const answers = { userId: ana.id, gptId: chef.id, creatorId: cleo.id };
  await addAnswers({ ...answers, at: day(10), count: 10 });
  await addAnswers({ ...answers, at: day(11), count: 5 });
  await addAnswers({ userId: ana.id, gptId: removed.id, creatorId: moe.id, at: day(12), count: 5 });
  await closeMonth({ month, closedById: null, now });

  // Cleo finishes Stripe's onboarding; the platform has money to send.
  await startPayoutOnboarding({ actor: cleo });
  const account = await prisma.payoutAccount.findUniqueOrThrow({ where: { userId: cleo.id } });
  await control(`/accounts/${account.stripeAccountId}/state`, { preset: "onboarded" });
  await refreshPayoutAccount({ actor: cleo });
  await control("/funds", { amount: 100_000 });
  const summary = await runPayouts({ now });
  if (summary.paid !== 1) throw new Error(`expected one payout, got ${JSON.stringify(summary)}`);

  console.log(
    JSON.stringify({ month, creatorEmail: cleo.email, moderatedEmail: moe.email, password }),
  );
  await db.close();
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
