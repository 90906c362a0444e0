import { z } from "zod";
import type { GptStatus } from "../../gpts/policy";
import type { ReviewFlag } from "../checks";

export const REVIEW_LIMITS = {
  reasonMin: 10,
  reason: 2000,
  note: 1000,
  term: 100,
  blockedTerms: 500,
  protectedNames: 200,
} as const;

/** Approve: an optional note for the creator. */
export const approveReviewSchema = z.object({
  note: z
    .string()
    .trim()
    .max(REVIEW_LIMITS.note, `Keep the note under ${REVIEW_LIMITS.note} characters.`)
    .optional(),
});
export type ApproveReviewInput = z.input<typeof approveReviewSchema>;

/** Reject: the reason the creator is shown (required, specific enough to act on). */
export const rejectReviewSchema = z.object({
  reason: z
    .string({ error: "Tell the creator why the listing is rejected." })
    .trim()
    .min(
      REVIEW_LIMITS.reasonMin,
      `Explain the reason in at least ${REVIEW_LIMITS.reasonMin} characters: the creator needs it to fix the listing.`,
    )
    .max(REVIEW_LIMITS.reason, `Keep the reason under ${REVIEW_LIMITS.reason} characters.`),
});
export type RejectReviewInput = z.input<typeof rejectReviewSchema>;

/** The creator asks for another look at a rejected listing, saying what they changed or why. */
export const resubmitListingSchema = z.object({
  note: z
    .string()
    .trim()
    .max(REVIEW_LIMITS.note, `Keep the note under ${REVIEW_LIMITS.note} characters.`)
    .optional(),
});
export type ResubmitListingInput = z.input<typeof resubmitListingSchema>;

export const reviewQueueFilterSchema = z.enum(["pending", "decided"]).catch("pending");
export type ReviewQueueFilter = z.infer<typeof reviewQueueFilterSchema>;

/** What the publish response says about the store listing (null for private and link-only). */
export type ListingOutcome = {
  /**
   * LISTED: in the store now. IN_REVIEW: waits for a moderator. UNLISTED: a moderator took the GPT
   * out of the store earlier; publishing does not change that.
   */
  status: "LISTED" | "IN_REVIEW" | "UNLISTED";
  /** Why it waits: the automatic checks' messages (empty when every public listing is reviewed). */
  findings: string[];
};

export type ReviewStatus = "PENDING" | "APPROVED" | "REJECTED" | "WITHDRAWN";

export type ReviewQueueRow = {
  id: string;
  status: ReviewStatus;
  flags: ReviewFlag[];
  submittedAt: string;
  decidedAt: string | null;
  decision: { kind: "APPROVE" | "REJECT"; reason: string; decidedByName: string | null } | null;
  gpt: {
    id: string;
    slug: string;
    name: string;
    avatarUrl: string | null;
    avatarColor: string | null;
    status: GptStatus;
    creatorName: string;
    creatorEmail: string;
  };
  /** The submitted version as the store would show it. */
  listing: {
    versionNumber: number | null;
    description: string;
    conversationStarters: string[];
    /** Hosts the GPT's live actions call. */
    actionDomains: string[];
  };
};

export type ReviewQueuePage = {
  reviews: ReviewQueueRow[];
  filter: ReviewQueueFilter;
  pendingCount: number;
  nextPage: number | null;
};

export type ReviewDecisionResult = {
  reviewId: string;
  gptId: string;
  status: "APPROVED" | "REJECTED";
  gptStatus: GptStatus;
};

// ---- Admin → Settings → Store moderation ----

export const LISTING_REVIEW_POLICIES = ["ALL_PUBLIC", "FLAGGED_ONLY"] as const;
export type ListingReviewPolicy = (typeof LISTING_REVIEW_POLICIES)[number];

export type ModerationSettings = {
  listingReviewPolicy: ListingReviewPolicy;
  blockedTerms: string[];
  protectedNames: string[];
};

function termListSchema(label: string, max: number) {
  return z
    .array(
      z
        .string()
        .trim()
        .max(REVIEW_LIMITS.term, `Keep each ${label} under ${REVIEW_LIMITS.term} characters.`),
    )
    .max(max, `At most ${max} ${label}s.`)
    .transform(dedupe);
}

/** Trimmed, blank lines dropped, duplicates (ignoring case) removed, first spelling kept. */
function dedupe(terms: string[]): string[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = term.toLowerCase();
    if (!term || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const moderationSettingsInputSchema = z.object({
  listingReviewPolicy: z.enum(LISTING_REVIEW_POLICIES, { error: "Choose a review policy." }),
  blockedTerms: termListSchema("blocked term", REVIEW_LIMITS.blockedTerms),
  protectedNames: termListSchema("protected name", REVIEW_LIMITS.protectedNames),
});
export type ModerationSettingsInput = z.input<typeof moderationSettingsInputSchema>;
