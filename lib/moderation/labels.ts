import type { GptStatus } from "../gpts/policy";

/**
 * Words for a GPT's moderation state, shared by My GPTs, the editor and the admin queue. Pure and
 * client-safe. The point: a GPT that is not listed never shows the owner's own "Public" setting.
 */

export type ModerationBadge = {
  label: string;
  variant: "warning" | "destructive" | "secondary";
  /** One sentence for a tooltip: what the state means for the creator. */
  description: string;
};

const MODERATION_BADGES: Record<Exclude<GptStatus, "ACTIVE">, ModerationBadge> = {
  IN_REVIEW: {
    label: "In review",
    variant: "secondary",
    description: "Moderators check this listing before it appears in the store.",
  },
  REJECTED: {
    label: "Rejected",
    variant: "destructive",
    description: "Moderators did not list this GPT in the store. People with its link can use it.",
  },
  UNLISTED: {
    label: "Unlisted by moderators",
    variant: "warning",
    description:
      "Moderators took this GPT out of the store. People with its link can still use it.",
  },
  REMOVED: {
    label: "Removed",
    variant: "destructive",
    description: "Moderators removed this GPT. Only you can open it.",
  },
};

/** The badge for a GPT a moderator (or the review queue) holds back; null when ACTIVE. */
export function moderationBadge(status: GptStatus): ModerationBadge | null {
  return status === "ACTIVE" ? null : MODERATION_BADGES[status];
}

/** Reasons longer than this stay in the editor's panel; a tooltip gets the badge's sentence. */
export const SHORT_REASON_LENGTH = 160;

/** The badge's tooltip: its sentence, and the moderator's reason when that is short enough. */
export function moderationBadgeTitle(badge: ModerationBadge, reason: string | null): string {
  const trimmed = reason?.trim();
  if (!trimmed || trimmed.length > SHORT_REASON_LENGTH) return badge.description;
  return `${badge.description} Reason: ${trimmed}`;
}

export type VisibilityBadge =
  | { kind: "visibility"; visibility: "PRIVATE" | "LINK" | "PUBLIC" }
  | ({ kind: "moderation" } & ModerationBadge);

/**
 * What the "who can see it" badge says: the owner's visibility setting while the GPT is ACTIVE,
 * its moderation state otherwise (never "Public" for a GPT the store does not list).
 */
export function visibilityBadge({
  status,
  visibility,
}: {
  status: GptStatus;
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
}): VisibilityBadge {
  const badge = moderationBadge(status);
  return badge ? { kind: "moderation", ...badge } : { kind: "visibility", visibility };
}

export const DECISION_KIND_LABELS = {
  APPROVE: "Approved",
  REJECT: "Rejected",
  UNLIST: "Unlisted",
  REMOVE: "Removed",
  RESTORE: "Restored",
} as const;

export const APPEAL_STATUS_LABELS = {
  PENDING: "Appeal pending",
  UPHELD: "Appeal declined",
  REVERSED: "Appeal accepted",
} as const;

/** Decisions a creator may appeal (once each). */
export function isAppealableKind(kind: keyof typeof DECISION_KIND_LABELS): boolean {
  return kind === "REJECT" || kind === "UNLIST" || kind === "REMOVE";
}

/** The GPT status a decision leaves behind; a decision whose GPT moved on no longer applies. */
export const STATUS_AFTER_DECISION = {
  APPROVE: "ACTIVE",
  REJECT: "REJECTED",
  UNLIST: "UNLISTED",
  REMOVE: "REMOVED",
  RESTORE: "ACTIVE",
} as const satisfies Record<keyof typeof DECISION_KIND_LABELS, GptStatus>;

/**
 * The moderators' reason behind a GPT's current state: the latest decision's, when that decision
 * is what put the GPT in this state (not an older one, nor one the GPT has moved on from).
 */
export function reasonForStatus(
  status: GptStatus,
  decision: { kind: keyof typeof DECISION_KIND_LABELS; reason: string } | null | undefined,
): string | null {
  if (status === "ACTIVE" || !decision) return null;
  return STATUS_AFTER_DECISION[decision.kind] === status ? decision.reason : null;
}
