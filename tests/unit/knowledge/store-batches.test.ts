import { describe, expect, it } from "vitest";
import {
  STORE_BATCH_CHARS,
  STORE_BATCH_SIZE,
  storeBatches,
} from "@/lib/knowledge/index/store-chunks";
import type { ChunkDraft } from "@/lib/knowledge/types";

const chunk = (ordinal: number, chars: number): ChunkDraft => ({
  ordinal,
  text: "x".repeat(chars),
  tokenCount: Math.ceil(chars / 4),
  page: null,
  heading: null,
});

describe("[KNOWLEDGE]: chunk insert batches stay small for the in-process database", () => {
  it("keeps each batch within the row and character limits, in order, losing nothing", () => {
    const chunks = [
      ...Array.from({ length: 100 }, (_, i) => chunk(i, 200)),
      ...Array.from({ length: 20 }, (_, i) => chunk(100 + i, 3_200)),
      chunk(120, STORE_BATCH_CHARS * 2),
    ];
    const batches = storeBatches(chunks);
    expect(batches.flat().map((c) => c.ordinal)).toEqual(chunks.map((c) => c.ordinal));
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(STORE_BATCH_SIZE);
      // A single oversized chunk still goes, alone.
      if (batch.length > 1) {
        expect(batch.reduce((sum, c) => sum + c.text.length, 0)).toBeLessThanOrEqual(
          STORE_BATCH_CHARS,
        );
      }
    }
    expect(batches.at(-1)).toHaveLength(1);
  });
});
