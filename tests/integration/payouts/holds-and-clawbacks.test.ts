import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { creatorBalances } from "@/lib/payouts/balances";
import { closeMonth } from "@/lib/payouts/close-month";
import { createPayout } from "@/lib/payouts/pay-out";
import { resolveEarningsHold } from "@/lib/payouts/resolve-hold";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";
import { expectLedgerBalanced } from "../../support/ledger";
import {
  addAnswers,
  bookRefund,
  bookSubscriptionPayment,
  createGptRow,
  createUser,
} from "../../support/payouts";

const at = (day: string) => new Date(`${day}T12:00:00Z`);
const balanceOf = async (creatorId: string) =>
  (await creatorBalances(prisma, { creatorIds: [creatorId] })).get(creatorId)?.balanceMicros;

/** A paying user ($20, fee $0.88: contributes $19.12) who used `gptId` on `day`. */
async function payingUserOf(gpt: { id: string; ownerId: string }, day: string, answers = 5) {
  const user = await createUser();
  await bookSubscriptionPayment({ userId: user.id, at: at(day), cents: 2000, feeCents: 88 });
  await addAnswers({
    userId: user.id,
    gptId: gpt.id,
    creatorId: gpt.ownerId,
    at: at(day),
    count: answers,
  });
  return user;
}

describe("[PAYOUTS]: refunds after a close", () => {
  it("take the creators' share back from the creators the user's money went to; a negative balance carries forward", async () => {
    const creator = await createUser();
    const gpt = await createGptRow(creator.id, "Chef");
    const ana = await payingUserOf(gpt, "2001-01-10");
    await payingUserOf(gpt, "2001-01-12");
    await closeMonth({ month: "2001-01", closedById: null });
    expect(await balanceOf(creator.id)).toBe(19_120_000n);

    // The creator is paid out the whole balance before the refund arrives.
    await prisma.payoutAccount.create({
      data: {
        userId: creator.id,
        stripeAccountId: `acct_${creator.id}`,
        payoutsEnabled: true,
        detailsSubmitted: true,
      },
    });
    const payout = await createPayout({ creatorId: creator.id });
    expect(payout?.amountMicros).toBe(19_120_000n);
    expect(await balanceOf(creator.id)).toBe(0n);

    await bookRefund({ userId: ana.id, at: at("2001-02-03"), cents: 2000 });
    await closeMonth({ month: "2001-02", closedById: null });
    const february = await prisma.creatorStatement.findUniqueOrThrow({
      where: { month_creatorId: { month: "2001-02", creatorId: creator.id } },
    });
    // 50 % of the $20 refunded is $10, but only $9.56 of Ana's money reached this creator.
    expect(february.clawbackMicros).toBe(9_560_000n);
    expect(february.earnedMicros).toBe(0n);
    expect(await balanceOf(creator.id)).toBe(-9_560_000n);
    expect(await createPayout({ creatorId: creator.id })).toBeNull();

    // Next month's earnings first fill the hole.
    await payingUserOf(gpt, "2001-03-05");
    await closeMonth({ month: "2001-03", closedById: null });
    expect(await balanceOf(creator.id)).toBe(0n);
    await expectLedgerBalanced();
  });
});

describe("[PAYOUTS]: holds", () => {
  it("a removed GPT's share is held in its own account until an admin releases it; deciding twice is refused", async () => {
    const admin: Actor = await createActor({ role: "ADMIN" });
    const creator = await createUser();
    const gpt = await createGptRow(creator.id, "Removed one");
    await prisma.gpt.update({ where: { id: gpt.id }, data: { status: "REMOVED" } });
    await payingUserOf(gpt, "2002-05-10");
    await closeMonth({ month: "2002-05", closedById: null });
    const period = await prisma.revenuePeriod.findUniqueOrThrow({ where: { month: "2002-05" } });
    expect(period.heldMicros).toBe(9_560_000n);
    expect(await balanceOf(creator.id)).toBe(0n);
    const hold = await prisma.earningsHold.findFirstOrThrow({ where: { creatorId: creator.id } });
    expect(hold).toMatchObject({
      reason: "MODERATION",
      status: "OPEN",
      amountMicros: 9_560_000n,
      gptId: gpt.id,
    });

    const user = await createActor();
    await expectAppError(
      resolveEarningsHold({ actor: user, holdId: hold.id, decision: "release" }),
      "forbidden",
    );
    await resolveEarningsHold({
      actor: admin,
      holdId: hold.id,
      decision: "release",
      note: "Appeal accepted",
    });
    expect(await balanceOf(creator.id)).toBe(9_560_000n);
    await expectAppError(
      resolveEarningsHold({ actor: admin, holdId: hold.id, decision: "void" }),
      "conflict",
    );
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "earnings-hold.release", targetId: hold.id },
    });
    expect(audit.actorId).toBe(admin.id);
    await expectLedgerBalanced();
  });

  it("a share released during its month's holding period waits for that period like the rest", async () => {
    const admin: Actor = await createActor({ role: "ADMIN" });
    const creator = await createUser();
    const gpt = await createGptRow(creator.id, "Released early");
    await prisma.gpt.update({ where: { id: gpt.id }, data: { status: "REMOVED" } });
    const lastMonth = new Date();
    lastMonth.setUTCDate(1);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    const month = lastMonth.toISOString().slice(0, 7);
    await payingUserOf(gpt, `${month}-10`);
    await closeMonth({ month, closedById: null });
    const hold = await prisma.earningsHold.findFirstOrThrow({ where: { creatorId: creator.id } });
    await resolveEarningsHold({ actor: admin, holdId: hold.id, decision: "release" });
    const balance = (await creatorBalances(prisma, { creatorIds: [creator.id] })).get(creator.id);
    expect(balance).toMatchObject({
      balanceMicros: 9_560_000n,
      holdingMicros: 9_560_000n,
      availableMicros: 0n,
    });
  });

  it("a voided share is never taken back: a later refund of that money claws back nothing from the creator", async () => {
    const admin: Actor = await createActor({ role: "ADMIN" });
    const creator = await createUser();
    const gpt = await createGptRow(creator.id, "Voided one");
    await prisma.gpt.update({ where: { id: gpt.id }, data: { status: "REMOVED" } });
    const payer = await payingUserOf(gpt, "2002-08-10");
    await closeMonth({ month: "2002-08", closedById: null });
    const hold = await prisma.earningsHold.findFirstOrThrow({ where: { creatorId: creator.id } });
    await resolveEarningsHold({ actor: admin, holdId: hold.id, decision: "void" });
    expect(await balanceOf(creator.id)).toBe(0n);
    await bookRefund({ userId: payer.id, at: at("2002-09-02"), cents: 2000 });
    await closeMonth({ month: "2002-09", closedById: null });
    expect(await balanceOf(creator.id)).toBe(0n);
    expect(
      await prisma.creatorStatement.count({ where: { month: "2002-09", creatorId: creator.id } }),
    ).toBe(0);
    await expectLedgerBalanced();
  });

  it("flags paying accounts created together on one network and using one creator's GPTs; voiding takes the flagged earnings back", async () => {
    const admin = await createActor({ role: "ADMIN" });
    const creator = await createUser();
    const gpt = await createGptRow(creator.id, "Farmed");
    const signedUp = at("2003-02-27");
    for (let i = 0; i < 3; i++) {
      const user = await createUser(undefined, {
        signupNetworkHash: "same-network",
        createdAt: new Date(signedUp.getTime() + i * 3_600_000),
      });
      await bookSubscriptionPayment({
        userId: user.id,
        at: at("2003-03-02"),
        cents: 2000,
        feeCents: 88,
      });
      await addAnswers({
        userId: user.id,
        gptId: gpt.id,
        creatorId: creator.id,
        at: at("2003-03-02"),
        count: 3,
      });
    }
    // An ordinary paying user of the same GPT, from another network.
    await payingUserOf(gpt, "2003-03-04");
    await closeMonth({ month: "2003-03", closedById: null });
    const hold = await prisma.earningsHold.findFirstOrThrow({
      where: { creatorId: creator.id, reason: "SIGNUP_CLUSTER" },
    });
    expect(hold.amountMicros).toBe(3n * 9_560_000n);
    expect(hold.details).toMatchObject({ accounts: 3, largestCluster: 3, windowHours: 24 });
    expect(await balanceOf(creator.id)).toBe(4n * 9_560_000n);

    await resolveEarningsHold({ actor: admin, holdId: hold.id, decision: "void" });
    expect(await balanceOf(creator.id)).toBe(9_560_000n);
    expect((await prisma.earningsHold.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe(
      "VOIDED",
    );
    await expectLedgerBalanced();
  });

  it("flags a paying user whose only activity is one creator's GPTs at machine-like regularity, not a person's bursts", async () => {
    const creator = await createUser();
    const gpt = await createGptRow(creator.id, "Metronome");
    const bot = await createUser();
    await bookSubscriptionPayment({
      userId: bot.id,
      at: at("2004-06-01"),
      cents: 2000,
      feeCents: 88,
    });
    // 40 answers exactly 90 seconds apart.
    await addAnswers({
      userId: bot.id,
      gptId: gpt.id,
      creatorId: creator.id,
      at: at("2004-06-02"),
      count: 40,
      spacingMs: 90_000,
    });
    const person = await createUser();
    await bookSubscriptionPayment({
      userId: person.id,
      at: at("2004-06-01"),
      cents: 2000,
      feeCents: 88,
    });
    for (const [day, count, spacing] of [
      ["2004-06-03", 12, 20_000],
      ["2004-06-09", 9, 300_000],
      ["2004-06-20", 15, 45_000],
    ] as const) {
      await addAnswers({
        userId: person.id,
        gptId: gpt.id,
        creatorId: creator.id,
        at: at(day),
        count,
        spacingMs: spacing,
      });
    }
    await closeMonth({ month: "2004-06", closedById: null });
    const holds = await prisma.earningsHold.findMany({ where: { creatorId: creator.id } });
    expect(holds.map((hold) => hold.reason)).toEqual(["MACHINE_REGULARITY"]);
    expect(holds[0].details).toMatchObject({ accounts: 1, userIds: [bot.id] });
  });

  it("flags a GPT whose engaged answers jump far above its history, and not a GPT without history", async () => {
    const creator = await createUser();
    const steady = await createGptRow(creator.id, "Steady");
    const fresh = await createGptRow(creator.id, "Fresh");
    const regular = await createUser();
    await bookSubscriptionPayment({
      userId: regular.id,
      at: at("2005-01-02"),
      cents: 2000,
      feeCents: 88,
    });
    await addAnswers({
      userId: regular.id,
      gptId: steady.id,
      creatorId: creator.id,
      at: at("2005-01-03"),
      count: 10,
    });
    await closeMonth({ month: "2005-01", closedById: null });

    const heavy = await createUser();
    await bookSubscriptionPayment({
      userId: heavy.id,
      at: at("2005-02-01"),
      cents: 2000,
      feeCents: 88,
    });
    for (let day = 1; day <= 15; day++) {
      const date = `2005-02-${String(day).padStart(2, "0")}`;
      await addAnswers({
        userId: heavy.id,
        gptId: steady.id,
        creatorId: creator.id,
        at: at(date),
        count: 10,
        spacingMs: 137_000 + day * 911,
      });
      await addAnswers({
        userId: heavy.id,
        gptId: fresh.id,
        creatorId: creator.id,
        at: new Date(at(date).getTime() + 3_600_000 * (day % 5)),
        count: 10,
        spacingMs: 61_000 * (1 + (day % 3)),
      });
    }
    await closeMonth({ month: "2005-02", closedById: null });
    const spikes = await prisma.earningsHold.findMany({
      where: { creatorId: creator.id, reason: "ANSWER_SPIKE" },
    });
    expect(spikes.map((hold) => hold.gptId)).toEqual([steady.id]);
    expect(spikes[0].details).toMatchObject({ engagedAnswers: 150 });
  });
});
