import "server-only";
import { prisma } from "../db";
import { monthOf } from "./months";
import { type MonthClosePlan, planMonthClose } from "./plan-month-close";

/** How long the running month's estimate is reused: computing it reads the whole month so far. */
const ESTIMATE_TTL_MS = 5 * 60 * 1000;

const cache = globalThis as unknown as {
  atelierMonthEstimate?: { month: string; at: number; plan: Promise<MonthClosePlan> };
};

/**
 * The running month's pool as if it closed now (an estimate: more money and answers will come,
 * and refunds may go). Shared by every creator's Earnings page for five minutes.
 */
export function estimateRunningMonth(now = new Date()): Promise<MonthClosePlan> {
  const month = monthOf(now);
  const cached = cache.atelierMonthEstimate;
  if (cached && cached.month === month && now.getTime() - cached.at < ESTIMATE_TTL_MS) {
    return cached.plan;
  }
  const plan = planMonthClose(prisma, month);
  cache.atelierMonthEstimate = { month, at: now.getTime(), plan };
  plan.catch(() => {
    if (cache.atelierMonthEstimate?.plan === plan) cache.atelierMonthEstimate = undefined;
  });
  return plan;
}

/** Tests change the data between reads. */
export function forgetMonthEstimate(): void {
  cache.atelierMonthEstimate = undefined;
}
