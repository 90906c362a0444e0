/**
 * Shapes of the creator analytics dashboard (GET /api/creator/analytics). Browser-safe: the
 * dashboard's components import these. Days are UTC days, "YYYY-MM-DD"; money is integer
 * micro-dollars as decimal strings (a bigint has no JSON form).
 */

export const ANALYTICS_RANGES = [7, 30, 90] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];

/** One UTC day of the selected GPTs. */
export type AnalyticsDay = {
  day: string;
  /** Conversations started (previews and the builder's chats excluded). */
  conversations: number;
  /** Answers given (one usage event each; previews excluded). */
  answers: number;
  /** Distinct people who got an answer that day. */
  users: number;
  thumbsUp: number;
  thumbsDown: number;
  /** Reviews written that day, and the sum of their (current) star ratings. */
  reviews: number;
  ratingSum: number;
  /** Knowledge searches that found nothing above the GPT's minimum score. */
  knowledgeMisses: number;
  /** Action calls made in chats (previews and tests excluded), and how many failed. */
  actionCalls: number;
  actionErrors: number;
  /** Earned on this day, from closed months' statements (held amounts excluded). */
  earnedMicros: string;
};

/** Day-N returning users of a period (see lib/analytics/retention.ts for the definition). */
export type ReturningUsers = {
  /** People whose first day plus N falls in the period (and is over). */
  cohort: number;
  /** Of those, how many got an answer again exactly N days after their first day. */
  returned: number;
  /** returned / cohort, 0-1; null without a cohort. */
  rate: number | null;
};

export type AnalyticsTotals = {
  conversations: number;
  answers: number;
  /** Distinct people over the whole period (not the sum of the days). */
  users: number;
  /** People whose first answer from the selected GPTs ever came in this period. */
  newUsers: number;
  returningDay1: ReturningUsers;
  returningDay7: ReturningUsers;
  thumbsUp: number;
  thumbsDown: number;
  /** thumbsUp / (thumbsUp + thumbsDown), 0-1; null without any thumb. */
  thumbsUpRatio: number | null;
  reviews: number;
  /** Average stars of the period's reviews; null without reviews. */
  averageRating: number | null;
  knowledgeMisses: number;
  actionCalls: number;
  actionErrors: number;
  earnedMicros: string;
  /** Earnings of the period held for review (not in earnedMicros). */
  heldMicros: string;
};

/** A question the knowledge could not answer, grouped by its normalised form, per GPT. */
export type KnowledgeGap = {
  gptId: string;
  gptName: string;
  normalized: string;
  /** The latest search text of the group, as the model wrote it. */
  example: string;
  count: number;
  lastSeenAt: string;
};

/** One action operation that failed in the period. */
export type ActionErrorGroup = {
  gptId: string;
  gptName: string;
  operation: string;
  calls: number;
  errors: number;
  lastError: string | null;
  lastErrorAt: string | null;
};

export type AnalyticsGptOption = { id: string; name: string };

export type CreatorAnalytics = {
  rangeDays: AnalyticsRange;
  /** The GPT shown; null for all of the creator's GPTs. */
  gptId: string | null;
  /** The creator's GPTs (not deleted), for the selector. */
  gpts: AnalyticsGptOption[];
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  totals: { current: AnalyticsTotals; previous: AnalyticsTotals };
  /** Every day of the period, oldest first (days without activity are zeros). */
  days: AnalyticsDay[];
  knowledgeGaps: KnowledgeGap[];
  actionErrors: ActionErrorGroup[];
  /** False until the selected GPTs gave their first answer (ever): nothing to chart yet. */
  hasUsage: boolean;
  /** Until when the daily rollups were last computed (later activity is read live); ISO. */
  rollupComputedTo: string | null;
  generatedAt: string;
};
