import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { creatorBalances } from "@/lib/payouts/balances";
import { closeMonth } from "@/lib/payouts/close-month";
import { refreshPayoutAccount, startPayoutOnboarding } from "@/lib/payouts/connect";
import { runPayouts, transferGroupOf } from "@/lib/payouts/pay-out";
import { TEST_AUTH_SECRET } from "../../support/app-process";
import { type BillingHarness, startBillingHarness } from "../../support/billing";
import { createActor } from "../../support/factories";
import { expectLedgerBalanced } from "../../support/ledger";
import {
  addAnswers,
  bookSubscriptionPayment,
  createGptRow,
  createUser,
} from "../../support/payouts";
import { openSharedPostgres, type SharedPostgres } from "../../support/shared-postgres";

/**
 * Payouts against the fake Stripe's Connect. The file runs on a PostgreSQL database that a child
 * process can share (the crash test runs the payout job in one and kills it mid-payout).
 */
let shared: SharedPostgres;
let billing: BillingHarness;

beforeAll(async () => {
  shared = await openSharedPostgres("payouts");
  billing = await startBillingHarness();
}, 120_000);

afterAll(async () => {
  await billing?.close();
  await shared?.release();
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const balanceOf = async (creatorId: string) =>
  (await creatorBalances(prisma, { creatorIds: [creatorId] })).get(creatorId);

/** Onboards `creator` through the fake's hosted page, as the browser would. */
async function onboard(creator: Actor): Promise<string> {
  const { url } = await startPayoutOnboarding({ actor: creator });
  const page = await fetch(url);
  expect(await page.text()).toContain("Agree and submit");
  const submitted = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "",
    redirect: "manual",
  });
  expect(submitted.status).toBe(303);
  expect(submitted.headers.get("location")).toContain("/creator/earnings?onboarding=return");
  await billing.fake.waitForIdle();
  const account = await prisma.payoutAccount.findUniqueOrThrow({ where: { userId: creator.id } });
  return account.stripeAccountId;
}

/** A closed month in which `payers` users paid $20 each and used the creator's GPT. */
async function earnIn(month: string, creatorId: string, payers: number) {
  const gpt = await createGptRow(creatorId);
  for (let i = 0; i < payers; i++) {
    const user = await createUser();
    await bookSubscriptionPayment({
      userId: user.id,
      at: new Date(`${month}-02T10:00:00Z`),
      cents: 2000,
      feeCents: 88,
    });
    await addAnswers({
      userId: user.id,
      gptId: gpt.id,
      creatorId,
      at: new Date(`${month}-03T10:00:00Z`),
      count: 3,
    });
  }
  await closeMonth({ month, closedById: null });
}

describe("[PAYOUTS]: Stripe Connect and the payout job", () => {
  it("onboards a creator through Stripe's hosted page; one connected account however often they start", async () => {
    const creator = await createActor();
    const first = await startPayoutOnboarding({ actor: creator });
    const before = await prisma.payoutAccount.findUniqueOrThrow({ where: { userId: creator.id } });
    expect(before).toMatchObject({ detailsSubmitted: false, payoutsEnabled: false });
    expect(before.requirementsDue.length).toBeGreaterThan(0);
    await fetch(`${first.url}/save-and-return`, { redirect: "manual" });
    const accountId = await onboard(creator);
    expect(accountId).toBe(before.stripeAccountId);
    expect(
      await prisma.payoutAccount.findUniqueOrThrow({ where: { userId: creator.id } }),
    ).toMatchObject({
      detailsSubmitted: true,
      payoutsEnabled: true,
      requirementsDue: [],
    });
    // Stripe restricts the account later: the webhook (and a refresh) say so.
    billing.fake.setAccountState(accountId, "restricted");
    await billing.fake.waitForIdle();
    expect((await refreshPayoutAccount({ actor: creator }))?.payoutsEnabled).toBe(false);
  });

  it("pays each available balance above the threshold once, with the payout's key and statement; others accrue or wait", async () => {
    billing.fake.addFunds(1_000_00);
    const paid = await createActor();
    const small = await createActor();
    const noAccount = await createUser();
    const paused = await createActor();
    await earnIn("2011-01", paid.id, 2); // $19.12
    await earnIn("2011-02", small.id, 1); // $9.56: below the $10 threshold
    await earnIn("2011-03", noAccount.id, 2);
    await earnIn("2011-04", paused.id, 2);
    for (const creator of [paid, small, paused]) await onboard(creator);
    await prisma.earningsHold.create({
      data: {
        key: `test:${paused.id}`,
        month: "2011-04",
        creatorId: paused.id,
        reason: "ANSWER_SPIKE",
        amountMicros: 1n,
        details: {},
      },
    });

    const summary = await runPayouts();
    expect(summary).toMatchObject({ paid: 1, failed: 0, stillPending: 0 });
    const payout = await prisma.payout.findFirstOrThrow({ where: { creatorId: paid.id } });
    expect(payout).toMatchObject({ status: "PAID", amountMicros: 19_120_000n });
    const [transfer] = billing.fake.transfers({ transferGroup: transferGroupOf(payout.id) });
    const statement = await prisma.creatorStatement.findFirstOrThrow({
      where: { creatorId: paid.id },
    });
    expect(transfer).toMatchObject({
      amount: 1912,
      destination: payout.stripeAccountId,
      id: payout.stripeTransferId,
      metadata: { payoutId: payout.id, statementId: statement.id },
    });
    expect((await balanceOf(paid.id))?.balanceMicros).toBe(0n);
    for (const creator of [small.id, noAccount.id, paused.id]) {
      expect(await prisma.payout.count({ where: { creatorId: creator } })).toBe(0);
    }
    // A second run finds nothing new to pay.
    expect(await runPayouts()).toMatchObject({ paid: 0, failed: 0 });
    await expectLedgerBalanced();
  });

  it("keeps a month's earnings until its holding period has passed", async () => {
    billing.fake.addFunds(1_000_00);
    const creator = await createActor();
    await onboard(creator);
    const lastMonth = new Date();
    lastMonth.setUTCDate(1);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    await earnIn(lastMonth.toISOString().slice(0, 7), creator.id, 2);
    const balance = await balanceOf(creator.id);
    expect(balance).toMatchObject({
      balanceMicros: 19_120_000n,
      holdingMicros: 19_120_000n,
      availableMicros: 0n,
    });
    await runPayouts();
    expect(await prisma.payout.count({ where: { creatorId: creator.id } })).toBe(0);
  });

  it("returns a transfer Stripe refuses to the creator's balance, and pays it on a later run", async () => {
    billing.fake.addFunds(1_000_00);
    const creator = await createActor();
    await earnIn("2012-01", creator.id, 2);
    const accountId = await onboard(creator);
    // Stripe turns transfers off; its webhook has not reached us yet (our row still says enabled).
    billing.fake.setAccountState(accountId, { transfers: "inactive" });
    await billing.fake.waitForIdle();
    await prisma.payoutAccount.update({
      where: { userId: creator.id },
      data: { payoutsEnabled: true },
    });
    expect(await runPayouts()).toMatchObject({ failed: 1, paid: 0 });
    const failed = await prisma.payout.findFirstOrThrow({ where: { creatorId: creator.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.failureMessage).toContain("capabilities enabled");
    expect((await balanceOf(creator.id))?.balanceMicros).toBe(19_120_000n);
    billing.fake.setAccountState(accountId, "onboarded");
    await billing.fake.waitForIdle();
    expect(await runPayouts()).toMatchObject({ paid: 1 });
    expect((await balanceOf(creator.id))?.balanceMicros).toBe(0n);
    await expectLedgerBalanced();
  });

  it("a payout job killed between Stripe's transfer and its database write pays exactly once when run again", async () => {
    billing.fake.addFunds(1_000_00);
    const creator = await createActor();
    await earnIn("2013-01", creator.id, 2);
    const accountId = await onboard(creator);
    billing.fake.stall({ method: "POST", path: "/v1/transfers", times: 1 });

    const dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-payouts-crash-"));
    let child: ChildProcess | null = null;
    try {
      child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/payouts-run.ts"],
        {
          env: {
            ...process.env,
            DATABASE_URL: shared.url,
            DATA_DIR: dataDir,
            AUTH_SECRET: TEST_AUTH_SECRET,
            STRIPE_SECRET_KEY: billing.fake.secretKey,
            STRIPE_WEBHOOK_SECRET: billing.fake.webhookSecret,
            STRIPE_API_URL: billing.fake.url,
          },
          stdio: "ignore",
        },
      );
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      // The transfer exists at Stripe; the job is waiting for the answer it will never read.
      await until(() => billing.fake.transfers({ destination: accountId }).length > 0, 90_000);
      child.kill("SIGKILL");
      await exited;
    } finally {
      if (child && child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
    const pending = await prisma.payout.findFirstOrThrow({ where: { creatorId: creator.id } });
    expect(pending.status).toBe("PENDING");
    billing.fake.releaseStalled();

    expect(await runPayouts()).toMatchObject({ reconciled: 1, paid: 1 });
    expect(billing.fake.transfers({ destination: accountId })).toHaveLength(1);
    const settled = await prisma.payout.findUniqueOrThrow({ where: { id: pending.id } });
    expect(settled).toMatchObject({
      status: "PAID",
      stripeTransferId: billing.fake.transfers({ destination: accountId })[0].id,
    });
    expect((await balanceOf(creator.id))?.balanceMicros).toBe(0n);
    await expectLedgerBalanced();
  }, 180_000);
});
