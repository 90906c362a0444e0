import { MAX_OUTPUT_TOKENS } from "../ai/output-limit";
import { formatDollars } from "../limits/dollars";

/**
 * What usage beyond a plan's allowance costs in prepaid credits: the model's price times the
 * instance's credit margin (InstanceSettings.creditPricePercent, 130 % by default), in integer
 * micro-dollars. Pure, so the page that explains prices and the chat's SQL agree by construction.
 */

/** A model's prices, micro-dollars per million tokens, and how much one call can take and give. */
export type PricedModel = {
  inputPricePerMillion: number;
  outputPricePerMillion: number;
  contextWindow: number;
};

/** The answer's cost (micro-dollars) in credits: × percent / 100, rounded half up. */
export function creditMicrosFor(costMicros: number | bigint, creditPricePercent: number): bigint {
  return (BigInt(costMicros) * BigInt(creditPricePercent) + 50n) / 100n;
}

/** A short answer: what a user needs available to start one on credits. */
const SHORT_ANSWER = { inputTokens: 2_000, outputTokens: 500 };

/**
 * How much an answer on credits holds when it starts: the most one model call can cost (a full
 * context window in, the longest answer out), or the user's whole available balance when that is
 * less, but never less than a short answer's price. The answer is then charged what it used, at
 * most the hold (tool loops that call the model again are capped there).
 */
export function creditHoldBounds(
  model: PricedModel,
  creditPricePercent: number,
): { minMicros: bigint; maxMicros: bigint } {
  const at = (inputTokens: number, outputTokens: number) =>
    creditMicrosFor(
      (BigInt(inputTokens) * BigInt(model.inputPricePerMillion) +
        BigInt(outputTokens) * BigInt(model.outputPricePerMillion) +
        999_999n) /
        1_000_000n,
      creditPricePercent,
    );
  const outputTokens = Math.min(MAX_OUTPUT_TOKENS, model.contextWindow);
  const maxMicros = at(model.contextWindow, outputTokens);
  const shortAnswer = at(
    SHORT_ANSWER.inputTokens,
    Math.min(SHORT_ANSWER.outputTokens, outputTokens),
  );
  // A free model (a local one) costs nothing, but answering on credits still needs some left.
  if (shortAnswer === 0n) return { minMicros: 1n, maxMicros: 1n };
  // A tiny context window can make the whole call cheaper than the "short" answer.
  if (maxMicros <= shortAnswer) return { minMicros: maxMicros, maxMicros };
  return { minMicros: shortAnswer, maxMicros };
}

/**
 * Dollars for people: "$4.87", "$1,250.00", and the exact amount when cents would hide it
 * ("$0.013", "$4.999123"): one answer's credits are often a fraction of a cent.
 */
export function formatCreditDollars(micros: bigint | number): string {
  const value = BigInt(micros);
  const [whole, fraction] = formatDollars(value < 0n ? -value : value).split(".");
  return `${value < 0n ? "-" : ""}$${BigInt(whole).toLocaleString("en-US")}.${fraction}`;
}
