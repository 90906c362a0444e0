import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largestRemainder } from "@/lib/payouts/largest-remainder";
import { type PoolInput, shareOf, splitPool } from "@/lib/payouts/split-pool";

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

describe("largestRemainder", () => {
  it("splits any total exactly, each part within one micro-dollar of its exact share", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = largestRemainder(total, weights);
          const weightSum = sum(weights);
          if (weightSum === 0n) {
            expect(parts.every((part) => part === 0n)).toBe(true);
            return;
          }
          expect(sum(parts)).toBe(total);
          parts.forEach((part, index) => {
            const floor = (total * weights[index]) / weightSum;
            expect(part === floor || part === floor + 1n).toBe(true);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("gives the leftover micro-dollar to the largest remainder, the earlier one on a tie", () => {
    expect(largestRemainder(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(largestRemainder(100n, [1n, 2n])).toEqual([33n, 67n]);
  });
});

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);

/** Random months: users with contributions (some negative), engaged cells, earlier allocations. */
const poolInput: fc.Arbitrary<PoolInput> = fc
  .record({
    users: fc.integer({ min: 1, max: 8 }),
    gpts: fc.integer({ min: 1, max: 5 }),
    sharePercent: fc.integer({ min: 0, max: 100 }),
  })
  .chain(({ users, gpts, sharePercent }) => {
    const userIds = ids("u", users);
    const gptIds = ids("g", gpts);
    return fc.record({
      sharePercent: fc.constant(sharePercent),
      contributions: fc.uniqueArray(
        fc.record({
          userId: fc.constantFrom(...userIds),
          contributionMicros: fc.bigInt({ min: -50_000_000n, max: 200_000_000n }),
          lossesMicros: fc.bigInt({ min: 0n, max: 60_000_000n }),
        }),
        { selector: (c) => c.userId, maxLength: users },
      ),
      cells: fc.uniqueArray(
        fc.record({
          userId: fc.constantFrom(...userIds),
          gptId: fc.constantFrom(...gptIds),
          creatorId: fc.constantFrom("c0", "c1"),
          day: fc.constantFrom("2026-11-01", "2026-11-02", "2026-11-30"),
          engagedAnswers: fc.integer({ min: 0, max: 10 }),
          isHeld: fc.boolean(),
        }),
        { selector: (c) => `${c.userId}/${c.gptId}/${c.day}`, maxLength: 30 },
      ),
      priorAllocations: fc.uniqueArray(
        fc.record({
          userId: fc.constantFrom(...userIds),
          gptId: fc.constantFrom(...gptIds),
          creatorId: fc.constantFrom("c0", "c1"),
          amountMicros: fc.bigInt({ min: 0n, max: 30_000_000n }),
        }),
        { selector: (c) => `${c.userId}/${c.gptId}`, maxLength: 20 },
      ),
    });
  });

describe("splitPool", () => {
  it("allocated + held + unallocated is exactly the pool, the pool share% of what paying users paid", () => {
    fc.assert(
      fc.property(poolInput, (input) => {
        const split = splitPool(input);
        const paid = sum(
          input.contributions.map((c) => c.contributionMicros).filter((amount) => amount > 0n),
        );
        expect(split.poolMicros).toBe(shareOf(paid, input.sharePercent));
        expect(split.allocatedMicros + split.heldMicros + split.unallocatedMicros).toBe(
          split.poolMicros,
        );
        expect(sum(split.cells.map((cell) => cell.amountMicros))).toBe(
          split.allocatedMicros + split.heldMicros,
        );
        expect(split.cells.every((cell) => cell.amountMicros >= 0n)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("gives nothing to users who paid nothing, and nothing for cells without engaged answers", () => {
    fc.assert(
      fc.property(poolInput, (input) => {
        const paying = new Set(
          input.contributions.filter((c) => c.contributionMicros > 0n).map((c) => c.userId),
        );
        const split = splitPool(input);
        for (const cell of split.cells) {
          expect(paying.has(cell.userId)).toBe(true);
          expect(cell.engagedAnswers).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("claws back at most share% of a user's losses and never more than their money gave before", () => {
    fc.assert(
      fc.property(poolInput, (input) => {
        const split = splitPool(input);
        for (const contribution of input.contributions) {
          const taken = sum(
            split.clawbacks
              .filter((c) => c.userId === contribution.userId)
              .map((c) => c.amountMicros),
          );
          const given = sum(
            input.priorAllocations
              .filter((p) => p.userId === contribution.userId)
              .map((p) => p.amountMicros),
          );
          expect(taken <= given).toBe(true);
          if (contribution.contributionMicros >= 0n) expect(taken).toBe(0n);
          else {
            expect(taken <= shareOf(contribution.lossesMicros, input.sharePercent)).toBe(true);
            expect(taken <= shareOf(-contribution.contributionMicros, input.sharePercent)).toBe(
              true,
            );
          }
        }
        for (const claw of split.clawbacks) {
          const prior = input.priorAllocations.find(
            (p) => p.userId === claw.userId && p.gptId === claw.gptId,
          );
          expect(claw.amountMicros <= (prior?.amountMicros ?? 0n)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("does not depend on the order its inputs come in", () => {
    fc.assert(
      fc.property(poolInput, (input) => {
        const reversed: PoolInput = {
          ...input,
          contributions: [...input.contributions].reverse(),
          cells: [...input.cells].reverse(),
          priorAllocations: [...input.priorAllocations].reverse(),
        };
        const key = (split: ReturnType<typeof splitPool>) =>
          JSON.stringify(
            [...split.cells, ...split.clawbacks]
              .map((row) => ({ ...row, amountMicros: row.amountMicros.toString() }))
              .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
          );
        expect(key(splitPool(reversed))).toBe(key(splitPool(input)));
      }),
      { numRuns: 300 },
    );
  });

  it("splits the worked example of docs/revenue-share.md as published", () => {
    // Ana pays $20 (net $19.12 after Stripe's fee), Ben spends $5 of credits; share 50 %.
    const split = splitPool({
      sharePercent: 50,
      contributions: [
        { userId: "ana", contributionMicros: 19_120_000n, lossesMicros: 0n },
        { userId: "ben", contributionMicros: 5_000_000n, lossesMicros: 0n },
      ],
      cells: [
        {
          userId: "ana",
          gptId: "chef",
          creatorId: "cleo",
          day: "2026-11-02",
          engagedAnswers: 10,
          isHeld: false,
        },
        {
          userId: "ana",
          gptId: "chef",
          creatorId: "cleo",
          day: "2026-11-03",
          engagedAnswers: 10,
          isHeld: false,
        },
        {
          userId: "ana",
          gptId: "tutor",
          creatorId: "dev",
          day: "2026-11-03",
          engagedAnswers: 10,
          isHeld: false,
        },
        {
          userId: "ben",
          gptId: "tutor",
          creatorId: "dev",
          day: "2026-11-05",
          engagedAnswers: 4,
          isHeld: false,
        },
      ],
      priorAllocations: [],
    });
    expect(split.poolMicros).toBe(12_060_000n);
    const byGpt = (gptId: string) =>
      sum(split.cells.filter((cell) => cell.gptId === gptId).map((cell) => cell.amountMicros));
    expect(byGpt("chef")).toBe(6_373_334n);
    expect(byGpt("tutor")).toBe(5_686_666n);
  });
});
