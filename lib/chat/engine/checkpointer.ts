import "server-only";
import { hotQuery } from "../../db/hot-query";
import { Prisma } from "../../generated/prisma/client";

/** Checkpoint at most this often… */
export const CHECKPOINT_INTERVAL_MS = 1_000;
/** …or sooner once this much new text has streamed. */
export const CHECKPOINT_BYTES = 2_048;

/**
 * Saves a streaming answer's parts so far into its STREAMING row, every ~1 s or ~2 KB of new text,
 * whichever comes first, so that a crash loses at most that much, and a reader resuming the answer
 * from another app process (which polls the row) is at most that far behind.
 * Never slows the stream: writes run in the background, one at a time per answer (a write that
 * comes due while one is in flight is coalesced into the next), and a failed checkpoint is only
 * retried by the next one (the final write is what must land, see finalize-durably.ts).
 */
export class Checkpointer {
  private readonly messageId: string;
  private readonly snapshot: () => unknown[];
  private lastSavedAt = Date.now();
  private unsavedBytes = 0;
  private isWriting = false;
  private isDirty = false;
  private timer: NodeJS.Timeout | null = null;
  private isClosed = false;

  constructor(options: { messageId: string; snapshot: () => unknown[] }) {
    this.messageId = options.messageId;
    this.snapshot = options.snapshot;
  }

  /** New content arrived (bytes of text, or 0 for a part change). */
  noteProgress(bytes: number): void {
    if (this.isClosed) return;
    this.unsavedBytes += bytes;
    this.isDirty = true;
    if (this.unsavedBytes >= CHECKPOINT_BYTES) {
      this.saveSoon(0);
      return;
    }
    this.saveSoon(Math.max(0, CHECKPOINT_INTERVAL_MS - (Date.now() - this.lastSavedAt)));
  }

  /**
   * Saves now (a consent prompt: a reload must find it at once, so it can be answered). Resolves
   * when written, or when the write failed (logged).
   */
  async saveNow(): Promise<void> {
    this.isDirty = true;
    await this.write();
  }

  /** The answer is being finalised: no further checkpoints. */
  close(): void {
    this.isClosed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private saveSoon(delayMs: number): void {
    if (this.timer || this.isWriting) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, delayMs);
  }

  private async write(): Promise<void> {
    if (this.isClosed || this.isWriting || !this.isDirty) return;
    this.isWriting = true;
    this.isDirty = false;
    this.unsavedBytes = 0;
    this.lastSavedAt = Date.now();
    try {
      // Only while STREAMING: a checkpoint that lands after the final write changes nothing.
      await hotQuery(Prisma.sql`
        UPDATE "Message" SET "parts" = ${JSON.stringify(this.snapshot())}::jsonb
        WHERE "id" = ${this.messageId} AND "status" = 'STREAMING'`);
    } catch (error) {
      console.error(
        `[atelier] checkpoint of answer ${this.messageId} failed:`,
        (error as Error).message,
      );
    } finally {
      this.isWriting = false;
    }
    if (this.isDirty) this.noteProgress(0);
  }
}
