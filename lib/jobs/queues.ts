import type { AnswerOutcome } from "../chat/engine/finalize-answer";

/** Every background job the app runs, by queue name, with its payload. */
export type JobPayloads = {
  /** The final write of a chat answer that failed in its request (lib/chat/engine/finalize-durably.ts). */
  "chat-answer-finalize": AnswerOutcome;
  /** Parse, chunk, index and embed one uploaded knowledge file (lib/knowledge/ingest). */
  "knowledge-ingest": { fileId: string };
  /** Recompute every GPT's trending and rating scores (lib/store/refresh-store-scores.ts). */
  "store-scores-refresh": Record<string, never>;
  /** Recompute the creator analytics' daily rollups (lib/analytics/refresh-rollups.ts). */
  "analytics-rollup": Record<string, never>;
  /** Close every ended month of the creator revenue pool (lib/payouts/close-month.ts). */
  "revenue-pool-close": Record<string, never>;
  /** Settle payouts in flight and pay creators' available balances (lib/payouts/pay-out.ts). */
  "creator-payouts": Record<string, never>;
  /** Deliver one queued email over SMTP (lib/mail/deliver-email.ts). */
  "email-send": { emailId: string };
};

export type JobName = keyof JobPayloads;
