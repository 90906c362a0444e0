import { largestRemainder } from "./largest-remainder";

/**
 * The revenue pool's formula, as a pure function (docs/revenue-share.md explains it to creators).
 * Integer micro-dollars throughout; every split uses largest-remainder rounding, so the parts
 * always sum exactly to what was split.
 */

export type UserContribution = {
  userId: string;
  /** What the platform netted from this user in the month: revenue less Stripe fees, refunds and
   *  disputes (may be negative: a refund of an earlier month's payment). */
  contributionMicros: bigint;
  /** Refunds, disputes and dispute fees among the above (≥ 0): only these are clawed back. */
  lossesMicros: bigint;
};

/** A paying user's engaged answers with one GPT on one day (already capped per day). */
export type EngagedCell = {
  userId: string;
  gptId: string;
  creatorId: string;
  /** "2026-11-03", UTC. */
  day: string;
  engagedAnswers: number;
  /** The GPT was removed by a moderator: its share is held, not paid. */
  isHeld: boolean;
};

/** What one user's money gave one GPT in the months before (allocations less clawbacks). */
export type PriorAllocation = {
  userId: string;
  gptId: string;
  creatorId: string;
  amountMicros: bigint;
};

export type PoolInput = {
  sharePercent: number;
  contributions: UserContribution[];
  /** Eligible answers only: previews, creators' own answers and banned users' already left out. */
  cells: EngagedCell[];
  /** Of users whose contribution is negative (the others are not needed). */
  priorAllocations: PriorAllocation[];
};

export type AllocatedCell = EngagedCell & { amountMicros: bigint };
export type Clawback = PriorAllocation;

export type PoolSplit = {
  netRevenueMicros: bigint;
  poolMicros: bigint;
  /** Paid to creators' balances (held cells excluded). */
  allocatedMicros: bigint;
  heldMicros: bigint;
  unallocatedMicros: bigint;
  clawbackMicros: bigint;
  payingUsers: number;
  engagedAnswers: number;
  cells: AllocatedCell[];
  /** Positive amounts taken back, per user and GPT. */
  clawbacks: Clawback[];
};

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** share% of an amount, rounded down (the pool never promises a fraction it cannot pay). */
export function shareOf(amountMicros: bigint, sharePercent: number): bigint {
  return (amountMicros * BigInt(sharePercent)) / 100n;
}

/**
 * 1. The pool is share% of the paying users' contributions (those above zero).
 * 2. It is split among those users in proportion to their contributions.
 * 3. Each user's part is split among the GPTs (and days) they engaged with, in proportion to
 *    engaged answers. A user with no eligible answers leaves their part unallocated (it stays
 *    with the platform). Parts for held GPTs are held.
 * 4. A user whose contribution is negative because of refunds or disputes has share% of those
 *    losses taken back from the creators their money went to before, in proportion, never more
 *    than those creators got from that user.
 */
export function splitPool(input: PoolInput): PoolSplit {
  const contributions = [...input.contributions].sort(byKey((c) => c.userId));
  const paying = contributions.filter((c) => c.contributionMicros > 0n);
  const netRevenueMicros = contributions.reduce((sum, c) => sum + c.contributionMicros, 0n);
  const poolMicros = shareOf(
    paying.reduce((sum, c) => sum + c.contributionMicros, 0n),
    input.sharePercent,
  );
  const userShares = largestRemainder(
    poolMicros,
    paying.map((c) => c.contributionMicros),
  );

  const cellsByUser = groupBy(
    [...input.cells].sort(byKey((c) => `${c.userId}\u0000${c.gptId}\u0000${c.day}`)),
    (cell) => cell.userId,
  );
  const cells: AllocatedCell[] = [];
  let unallocatedMicros = 0n;
  paying.forEach((contribution, index) => {
    const userCells = (cellsByUser.get(contribution.userId) ?? []).filter(
      (cell) => cell.engagedAnswers > 0,
    );
    if (userCells.length === 0) {
      unallocatedMicros += userShares[index];
      return;
    }
    const amounts = largestRemainder(
      userShares[index],
      userCells.map((cell) => BigInt(cell.engagedAnswers)),
    );
    userCells.forEach((cell, cellIndex) => {
      cells.push({ ...cell, amountMicros: amounts[cellIndex] });
    });
  });

  const clawbacks = splitClawbacks(contributions, input.priorAllocations, input.sharePercent);
  const sum = (items: { amountMicros: bigint }[]) =>
    items.reduce((acc, item) => acc + item.amountMicros, 0n);
  return {
    netRevenueMicros,
    poolMicros,
    allocatedMicros: sum(cells.filter((cell) => !cell.isHeld)),
    heldMicros: sum(cells.filter((cell) => cell.isHeld)),
    unallocatedMicros,
    clawbackMicros: sum(clawbacks),
    payingUsers: new Set(cells.map((cell) => cell.userId)).size,
    engagedAnswers: cells.reduce((acc, cell) => acc + cell.engagedAnswers, 0),
    cells,
    clawbacks,
  };
}

function splitClawbacks(
  contributions: UserContribution[],
  priorAllocations: PriorAllocation[],
  sharePercent: number,
): Clawback[] {
  const priorByUser = groupBy(
    [...priorAllocations]
      .filter((prior) => prior.amountMicros > 0n)
      .sort(byKey((prior) => `${prior.userId}\u0000${prior.gptId}`)),
    (prior) => prior.userId,
  );
  const clawbacks: Clawback[] = [];
  for (const contribution of contributions) {
    if (contribution.contributionMicros >= 0n || contribution.lossesMicros <= 0n) continue;
    const prior = priorByUser.get(contribution.userId) ?? [];
    const given = prior.reduce((acc, item) => acc + item.amountMicros, 0n);
    const lost = minBigInt(-contribution.contributionMicros, contribution.lossesMicros);
    const takeBack = minBigInt(shareOf(lost, sharePercent), given);
    if (takeBack <= 0n) continue;
    const amounts = largestRemainder(
      takeBack,
      prior.map((item) => item.amountMicros),
    );
    prior.forEach((item, index) => {
      if (amounts[index] > 0n) clawbacks.push({ ...item, amountMicros: amounts[index] });
    });
  }
  return clawbacks;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const minBigInt = (a: bigint, b: bigint) => (a < b ? a : b);
