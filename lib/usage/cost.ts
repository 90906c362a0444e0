/**
 * Cost of a model call in integer micro-dollars. Prices are micro-dollars per million tokens, so
 * cost = tokens × price / 1e6, rounded half up once over the sum (never floats: BigInt maths).
 */
export function costMicros(options: {
  inputTokens: number;
  outputTokens: number;
  inputPricePerMillion: number;
  outputPricePerMillion: number;
}): number {
  const numerator =
    BigInt(options.inputTokens) * BigInt(options.inputPricePerMillion) +
    BigInt(options.outputTokens) * BigInt(options.outputPricePerMillion);
  return Number((numerator + 500_000n) / 1_000_000n);
}
