import { z } from "zod";
import type { ReportReason, ReportStatus } from "../generated/prisma/enums";
import type { GptStatus } from "../gpts/policy";
import { REPORT_REASON_VALUES } from "./report-reasons";

export const REPORT_LIMITS = { details: 1000 } as const;

export const reportInputSchema = z.object({
  reason: z.enum(REPORT_REASON_VALUES, { error: "Choose a reason for your report." }),
  details: z
    .string({ error: "Tell us what is wrong with this GPT." })
    .trim()
    .min(1, "Tell us what is wrong with this GPT.")
    .max(
      REPORT_LIMITS.details,
      `Keep the details under ${REPORT_LIMITS.details.toLocaleString("en-US")} characters.`,
    ),
});
export type ReportInput = z.input<typeof reportInputSchema>;

/** What a moderator writes for the creator: long enough to say what was wrong. */
export const MODERATION_REASON_LIMITS = { min: 10, max: 1000 } as const;
export const APPEAL_LIMITS = { min: 20, max: 2000 } as const;

const reasonText = z
  .string({ error: "Tell the creator why." })
  .trim()
  .min(
    MODERATION_REASON_LIMITS.min,
    `Give the creator a reason of at least ${MODERATION_REASON_LIMITS.min} characters.`,
  )
  .max(
    MODERATION_REASON_LIMITS.max,
    `Keep the reason under ${MODERATION_REASON_LIMITS.max.toLocaleString("en-US")} characters.`,
  );

const optionalNote = z
  .string()
  .trim()
  .max(
    MODERATION_REASON_LIMITS.max,
    `Keep the note under ${MODERATION_REASON_LIMITS.max.toLocaleString("en-US")} characters.`,
  )
  .optional()
  .transform((value) => (value ? value : undefined));

/**
 * On one report: dismiss it alone, or unlist/remove its GPT (which answers every open report of
 * that GPT and needs a reason the creator is shown).
 */
export const REPORT_ACTIONS = ["dismiss", "unlist", "remove"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const resolveReportSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("dismiss"), reason: optionalNote }),
    z.object({ action: z.literal("unlist"), reason: reasonText }),
    z.object({ action: z.literal("remove"), reason: reasonText }),
  ],
  { error: "Choose dismiss, unlist or remove." },
);
export type ResolveReportInput = z.input<typeof resolveReportSchema>;

/**
 * On a GPT of the queue: dismiss all its open reports (an optional note for the audit log), unlist
 * or remove it (closing them all), or restore an unlisted/removed GPT. All but dismiss need a reason.
 */
export const GPT_MODERATION_ACTIONS = ["dismiss", "unlist", "remove", "restore"] as const;
export type GptModerationAction = (typeof GPT_MODERATION_ACTIONS)[number];

/**
 * The GPT status the moderator saw: when another moderator changed it meanwhile, the action is a
 * 409 instead of a second decision made on stale information.
 */
const expectedStatus = z
  .enum(["ACTIVE", "UNLISTED", "REMOVED", "IN_REVIEW", "REJECTED"])
  .optional();

export const moderateGptSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("dismiss"), reason: optionalNote, expectedStatus }),
    z.object({ action: z.literal("unlist"), reason: reasonText, expectedStatus }),
    z.object({ action: z.literal("remove"), reason: reasonText, expectedStatus }),
    z.object({ action: z.literal("restore"), reason: reasonText, expectedStatus }),
  ],
  { error: "Choose dismiss, unlist, remove or restore." },
);
export type ModerateGptInput = z.input<typeof moderateGptSchema>;

export const appealInputSchema = z.object({
  decisionId: z
    .string({ error: "Choose the decision you appeal." })
    .min(1, "Choose the decision you appeal."),
  text: z
    .string({ error: "Explain why the decision should change." })
    .trim()
    .min(
      APPEAL_LIMITS.min,
      `Explain in at least ${APPEAL_LIMITS.min} characters why the decision should change.`,
    )
    .max(
      APPEAL_LIMITS.max,
      `Keep your appeal under ${APPEAL_LIMITS.max.toLocaleString("en-US")} characters.`,
    ),
});
export type AppealInput = z.input<typeof appealInputSchema>;

export const decideAppealSchema = z.object({
  outcome: z.enum(["uphold", "reverse"], { error: "Choose uphold or reverse." }),
  reply: z
    .string({ error: "Write a reply to the creator." })
    .trim()
    .min(
      MODERATION_REASON_LIMITS.min,
      `Write the creator a reply of at least ${MODERATION_REASON_LIMITS.min} characters.`,
    )
    .max(
      MODERATION_REASON_LIMITS.max,
      `Keep the reply under ${MODERATION_REASON_LIMITS.max.toLocaleString("en-US")} characters.`,
    ),
});
export type DecideAppealInput = z.input<typeof decideAppealSchema>;

export const reportQueueFilterSchema = z.enum(["open", "closed"]).catch("open");
export type ReportQueueFilter = z.infer<typeof reportQueueFilterSchema>;

/** The /admin/reports views: the two report lists, and pending appeals. */
export const moderationViewSchema = z.enum(["open", "closed", "appeals"]).catch("open");
export type ModerationView = z.infer<typeof moderationViewSchema>;

export type ReportedGptSummary = {
  id: string;
  slug: string;
  name: string;
  avatarUrl: string | null;
  avatarColor: string | null;
  status: GptStatus;
  creatorName: string;
};

export type ReportDetail = {
  id: string;
  reason: ReportReason;
  reasonLabel: string;
  details: string;
  status: ReportStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  reporter: { id: string; name: string | null; email: string };
};

export type DecisionKind = "APPROVE" | "REJECT" | "UNLIST" | "REMOVE" | "RESTORE";
export type AppealState = "PENDING" | "UPHELD" | "REVERSED";

export type DecisionSummary = {
  id: string;
  kind: DecisionKind;
  reason: string;
  decidedAt: string;
  decidedByName: string | null;
  appealStatus: AppealState | null;
};

/** One GPT of the queue with its reports (open ones, or closed ones in the Closed view). */
export type ReportGroup = {
  gpt: ReportedGptSummary;
  /** Reports in this view (open, or closed); openCount is always the open ones. */
  reportCount: number;
  openCount: number;
  reasons: { reason: ReportReason; label: string; count: number }[];
  firstReportedAt: string;
  latestReportedAt: string;
  /** Closed view: when its latest report was closed. */
  lastClosedAt: string | null;
  /** Newest first; at most REPORT_GROUP_DETAIL_LIMIT. */
  reports: ReportDetail[];
  latestDecision: DecisionSummary | null;
};

export type ReportGroupsPage = {
  groups: ReportGroup[];
  filter: ReportQueueFilter;
  /** Open reports on the instance, and how many GPTs they are about. */
  openCount: number;
  openGptCount: number;
  pendingAppealCount: number;
  nextPage: number | null;
};

export type PendingAppeal = {
  decision: DecisionSummary;
  appealText: string;
  appealedAt: string;
  gpt: ReportedGptSummary;
};

export type AppealsPage = { appeals: PendingAppeal[]; pendingAppealCount: number };

export type GptModerationState = {
  status: GptStatus;
  latestDecision:
    | (DecisionSummary & {
        appeal: {
          status: AppealState;
          text: string;
          appealedAt: string;
          reply: string | null;
          decidedAt: string | null;
        } | null;
        canAppeal: boolean;
      })
    | null;
  pendingReview: { flags: { check: string; message: string }[]; since: string } | null;
  canResubmit: boolean;
};
