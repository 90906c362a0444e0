/**
 * Splits `total` (integer micro-dollars, ≥ 0) in proportion to `weights` (≥ 0) so the parts sum to
 * exactly `total`: each part is first rounded down, then the micro-dollars left over go one each
 * to the parts with the largest remainders, the earlier index first on a tie. Deterministic for a
 * given order of weights, so callers sort their keys first. All weights zero → all parts zero.
 */
export function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError("largestRemainder: the total must not be negative.");
  if (weights.some((weight) => weight < 0n)) {
    throw new RangeError("largestRemainder: weights must not be negative.");
  }
  const sum = weights.reduce((acc, weight) => acc + weight, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((weight) => (total * weight) / sum);
  let left = total - parts.reduce((acc, part) => acc + part, 0n);
  const byRemainder = weights
    .map((weight, index) => ({ index, remainder: (total * weight) % sum }))
    .filter((entry) => entry.remainder > 0n)
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    parts[index] += 1n;
    left -= 1n;
  }
  return parts;
}
