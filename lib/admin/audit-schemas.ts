import { z } from "zod";

/** Shared by GET /api/admin/audit, the Audit log page and the browser: no server code here. */

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An optional trimmed, bounded text parameter; empty or invalid means "no filter". */
const optionalText = (max: number) =>
  z.preprocess(
    firstValue,
    z
      .string()
      .trim()
      .max(max)
      .catch("")
      .optional()
      .transform((value) => value || undefined),
  );

/** A calendar day (UTC), `YYYY-MM-DD`; anything else means "no bound". */
const optionalDay = z.preprocess(
  firstValue,
  z
    .string()
    .trim()
    .optional()
    .transform((value) =>
      value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? value
        : undefined,
    ),
);

/**
 * `?action=&actor=&targetType=&targetId=&from=&to=&page=`. `actor` matches the actor's email (or
 * name), `from` and `to` are UTC days, both inclusive. Bad values fall back to "no filter": these
 * come from hand-editable URLs.
 */
export const auditLogQuerySchema = z.object({
  action: optionalText(100),
  actor: optionalText(100),
  targetType: optionalText(60),
  targetId: optionalText(200),
  from: optionalDay,
  to: optionalDay,
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1)),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export type AuditTarget = {
  type: string;
  id: string;
  /** What the target is called now (a user's email, a GPT's name), when it still exists. */
  label: string | null;
  /** The store page of a GPT target that still exists. */
  href: string | null;
};

export type AuditEntry = {
  id: string;
  createdAt: string;
  action: string;
  /** Null: the system (a job, a webhook), or an account since removed. */
  actor: { id: string; email: string | null; name: string | null; isDeleted: boolean } | null;
  target: AuditTarget;
  data: unknown;
};

export type AuditLogPage = {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  query: AuditLogQuery;
  /** Every action the log holds, for the filter's select. */
  actions: string[];
};
