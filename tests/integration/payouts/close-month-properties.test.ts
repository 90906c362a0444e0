import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { closeMonth } from "@/lib/payouts/close-month";
import { shareOf } from "@/lib/payouts/split-pool";
import { expectLedgerBalanced } from "../../support/ledger";
import {
  addAnswers,
  bookCreditsSpent,
  bookDispute,
  bookRefund,
  bookSubscriptionPayment,
  createGptRow,
  createUser,
} from "../../support/payouts";

/**
 * Random months of payments, credits, answers, refunds and disputes, closed by the real close on
 * the real database. Each run has its own users, GPTs and year, so runs do not see each other.
 * PAYOUT_PROPERTY_RUNS raises the number of runs (the default keeps CI's two passes quick).
 */
const RUNS = Number(process.env.PAYOUT_PROPERTY_RUNS || 8);
const CAP = 10;
const SHARE = 50;

const payer = fc.record({
  kind: fc.constantFrom("subscription", "credits", "none"),
  cents: fc.integer({ min: 100, max: 5000 }),
  refundCents: fc.integer({ min: 0, max: 5000 }),
  disputeNextMonth: fc.boolean(),
  isBanned: fc.boolean(),
});
const answers = fc.record({
  payer: fc.nat(4),
  gpt: fc.nat(2),
  day: fc.integer({ min: 1, max: 28 }),
  count: fc.integer({ min: 1, max: 15 }),
  channel: fc.constantFrom("STORE", "STORE", "API", "PREVIEW"),
});
const scenario = fc.record({
  payers: fc.array(payer, { minLength: 5, maxLength: 5 }),
  answers: fc.array(answers, { maxLength: 14 }),
  selfAnswers: fc.integer({ min: 0, max: 20 }),
  isGpt2Removed: fc.boolean(),
});

// One year per run, far in the past (closing needs ended months; room for hundreds of runs).
let year = 1800;

describe("closing a month of the revenue pool", () => {
  it("allocates exactly the pool, books balanced transactions, earns nothing for excluded answers, and closing twice changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        year += 1;
        const first = `${year}-03`;
        const second = `${year}-04`;
        const at = (month: string, day: number) =>
          new Date(`${month}-${String(day).padStart(2, "0")}T12:00:00Z`);
        const creators = [await createUser(), await createUser()];
        const gpts = [
          await createGptRow(creators[0].id, "Chef"),
          await createGptRow(creators[0].id, "Tutor"),
          await createGptRow(creators[1].id, "Coach"),
        ];
        if (s.isGpt2Removed) {
          await prisma.gpt.update({ where: { id: gpts[2].id }, data: { status: "REMOVED" } });
        }
        const users = [];
        let paidMicros = 0n;
        for (const p of s.payers) {
          const user = await createUser();
          users.push(user);
          const feeCents = Math.round(p.cents * 0.029) + 30;
          if (p.kind === "subscription") {
            await bookSubscriptionPayment({
              userId: user.id,
              at: at(first, 2),
              cents: p.cents,
              feeCents,
            });
            paidMicros +=
              BigInt(p.cents - feeCents) * 10_000n > 0n ? BigInt(p.cents - feeCents) * 10_000n : 0n;
          } else if (p.kind === "credits") {
            const spentCents = Math.floor(p.cents / 2);
            await bookCreditsSpent({
              userId: user.id,
              at: at(first, 3),
              cents: p.cents,
              feeCents,
              spentCents,
            });
            const net = BigInt(spentCents - feeCents) * 10_000n;
            paidMicros += net > 0n ? net : 0n;
          }
          if (p.isBanned)
            await prisma.user.update({ where: { id: user.id }, data: { bannedAt: new Date() } });
        }
        const expectedEngaged = new Map<string, number>();
        for (const a of s.answers) {
          const user = users[a.payer];
          const gpt = gpts[a.gpt];
          await addAnswers({
            userId: user.id,
            gptId: gpt.id,
            creatorId: gpt.ownerId,
            at: at(first, a.day),
            count: a.count,
            channel: a.channel as "STORE" | "API" | "PREVIEW",
          });
          const p = s.payers[a.payer];
          if (a.channel === "PREVIEW" || p.isBanned || p.kind === "none") continue;
          const key = `${user.id}/${gpt.id}/${a.day}`;
          expectedEngaged.set(key, (expectedEngaged.get(key) ?? 0) + a.count);
        }
        // A creator's own answers never earn.
        await addAnswers({
          userId: creators[0].id,
          gptId: gpts[0].id,
          creatorId: creators[0].id,
          at: at(first, 5),
          count: s.selfAnswers,
        });

        expect(await closeMonth({ month: first, closedById: null })).toEqual({
          month: first,
          status: "closed",
        });
        const period = await prisma.revenuePeriod.findUniqueOrThrow({ where: { month: first } });
        expect(period.allocatedMicros + period.heldMicros + period.unallocatedMicros).toBe(
          period.poolMicros,
        );
        const allocations = await prisma.poolAllocation.findMany({ where: { month: first } });
        expect(allocations.reduce((sum, a) => sum + a.amountMicros, 0n)).toBe(
          period.allocatedMicros + period.heldMicros,
        );
        // Excluded answers earn nothing: banned users, the creator's own, previews.
        const excludedUsers = new Set([
          ...users.filter((_, i) => s.payers[i].isBanned).map((u) => u.id),
          creators[0].id,
        ]);
        expect(allocations.filter((a) => excludedUsers.has(a.userId))).toEqual([]);
        const paying = allocations.filter((a) => a.amountMicros > 0n);
        const expectedTotal = [...expectedEngaged.entries()]
          .filter(([key]) => paying.some((a) => key.startsWith(`${a.userId}/`)))
          .reduce((sum, [, count]) => sum + Math.min(count, CAP), 0);
        expect(allocations.reduce((sum, a) => sum + a.engagedAnswers, 0)).toBe(expectedTotal);
        if (paidMicros === 0n) expect(period.poolMicros).toBe(0n);
        expect(period.poolMicros <= shareOf(paidMicros + 1n, SHARE) + 1n).toBe(true);
        const statements = await prisma.creatorStatement.findMany({
          where: { month: first },
          include: { lines: true },
        });
        for (const statement of statements) {
          expect(statement.lines.reduce((sum, l) => sum + l.amountMicros, 0n)).toBe(
            statement.earnedMicros + statement.heldMicros,
          );
        }
        expect(statements.reduce((sum, st) => sum + st.earnedMicros, 0n)).toBe(
          period.allocatedMicros,
        );
        await expectLedgerBalanced();

        // Closing again changes nothing.
        const before = await prisma.ledgerTransaction.count();
        expect(await closeMonth({ month: first, closedById: null })).toEqual({
          month: first,
          status: "already_closed",
        });
        expect(await prisma.ledgerTransaction.count()).toBe(before);
        expect(await prisma.poolAllocation.count({ where: { month: first } })).toBe(
          allocations.length,
        );

        // The next month: refunds and disputes of the first month's money are taken back.
        for (const [i, p] of s.payers.entries()) {
          if (p.kind === "none") continue;
          if (p.refundCents > 0)
            await bookRefund({
              userId: users[i].id,
              at: at(second, 4),
              cents: Math.min(p.refundCents, p.cents),
            });
          if (p.disputeNextMonth)
            await bookDispute({
              userId: users[i].id,
              at: at(second, 6),
              cents: p.cents,
              feeCents: 1500,
            });
        }
        expect((await closeMonth({ month: second, closedById: null })).status).toBe("closed");
        const clawed = await prisma.poolAllocation.findMany({ where: { month: second } });
        for (const claw of clawed) {
          const given = allocations.find((a) => a.userId === claw.userId && a.gptId === claw.gptId);
          expect(claw.amountMicros < 0n).toBe(true);
          expect(-claw.amountMicros <= (given?.amountMicros ?? 0n)).toBe(true);
        }
        // Each creator's balance is what their statements say: earned less clawed back.
        for (const creator of creators) {
          const rows = await prisma.creatorStatement.findMany({ where: { creatorId: creator.id } });
          const owed = rows.reduce((sum, st) => sum + st.earnedMicros - st.clawbackMicros, 0n);
          const { _sum } = await prisma.ledgerEntry.aggregate({
            where: { accountId: `creator:${creator.id}` },
            _sum: { amountMicros: true },
          });
          expect(-(_sum.amountMicros ?? 0n)).toBe(owed);
        }
        await expectLedgerBalanced();
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
