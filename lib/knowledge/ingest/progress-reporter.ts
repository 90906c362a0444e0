import "server-only";
import { prisma } from "../../db";

const MIN_STEP_PERCENT = 5;
const MIN_INTERVAL_MS = 500;

export type ProgressReporter = {
  /** Reports progress in percent (0-100); written when it moved ≥ 5 points or ≥ 500 ms passed. */
  report: (percent: number) => void;
  /** Waits for the writes already started (before the final status is written). */
  flush: () => Promise<void>;
};

/**
 * Throttled progress writes for one file. Writes are chained (never two at once, never out of
 * order) and only touch a row that is still PROCESSING, so a late write cannot undo READY/FAILED.
 * A failed progress write is logged and ignored: progress is cosmetic, the outcome is not.
 */
export function createProgressReporter(fileId: string): ProgressReporter {
  let lastPercent = 0;
  let lastAt = 0;
  let chain: Promise<void> = Promise.resolve();
  return {
    report(percent) {
      const value = Math.max(0, Math.min(99, Math.floor(percent)));
      const now = Date.now();
      if (value <= lastPercent) return;
      if (value - lastPercent < MIN_STEP_PERCENT && now - lastAt < MIN_INTERVAL_MS) return;
      lastPercent = value;
      lastAt = now;
      chain = chain.then(() =>
        prisma.knowledgeFile
          .updateMany({
            where: { id: fileId, status: "PROCESSING", progress: { lt: value } },
            data: { progress: value },
          })
          .then(
            () => {},
            (error: unknown) => console.error("[atelier] knowledge progress write failed", error),
          ),
      );
    },
    flush: () => chain,
  };
}

/** Maps a 0-1 fraction of one stage onto its [from, to] percent band. */
export function inBand(band: readonly [number, number], fraction: number): number {
  const clamped = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
  return band[0] + (band[1] - band[0]) * clamped;
}
