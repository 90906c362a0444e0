import { z } from "zod";

/** Shared by the Outbox route, its page and the browser: no server code here. */

export const OUTBOX_STATUSES = ["QUEUED", "SENT", "FAILED", "LOGGED"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** `?status=logged&cursor=<id>`; status in any case, absent or "all" for every status. */
export const outboxQuerySchema = z.object({
  status: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum([...OUTBOX_STATUSES, "ALL"]))
    .transform((value) => (value === "ALL" ? null : value))
    .nullish()
    .transform((value) => value ?? null),
  cursor: z
    .string()
    .min(1)
    .max(64)
    .nullish()
    .transform((value) => value ?? null),
});

export type OutboxEmailRow = {
  id: string;
  to: string;
  subject: string;
  kind: string;
  kindLabel: string;
  status: OutboxStatus;
  attempts: number;
  /** The last delivery error (QUEUED while retrying, FAILED). */
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  /**
   * The plain-text body, for LOGGED mail only: that mail was never sent, so the Outbox is how
   * an operator gets its link to the user. Every other status: null (see the OutboundEmail model).
   */
  text: string | null;
};

export type OutboxPage = {
  emails: OutboxEmailRow[];
  /** The filter this page was read with; null: every status. */
  status: OutboxStatus | null;
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  isSmtpConfigured: boolean;
};
