import type { Actor } from "../auth/session";

export const REVIEW_REFUSALS = {
  signedOut: "Sign in to rate this GPT.",
  ownGpt: "You can't rate your own GPT.",
  notChatted: "Chat with this GPT before rating it.",
  notCreator: "Only the GPT's creator can reply to its reviews.",
} as const;

type ReviewGpt = { ownerId: string };

/**
 * Why `actor` may not rate this GPT, or null when they may. Only people who really used it rate
 * it (a finished answer in a store conversation, not the owner's draft preview), and a creator
 * never rates their own GPT.
 */
export function reviewRefusalReason(
  actor: Pick<Actor, "id"> | null,
  gpt: ReviewGpt,
  hasChatted: boolean,
): { code: "unauthorized" | "forbidden"; message: string } | null {
  if (!actor) return { code: "unauthorized", message: REVIEW_REFUSALS.signedOut };
  if (actor.id === gpt.ownerId) return { code: "forbidden", message: REVIEW_REFUSALS.ownGpt };
  if (!hasChatted) return { code: "forbidden", message: REVIEW_REFUSALS.notChatted };
  return null;
}

/** Only the GPT's creator answers its reviews (admins moderate; they do not speak for creators). */
export function canReplyToReview(actor: Pick<Actor, "id"> | null, gpt: ReviewGpt): boolean {
  return actor !== null && actor.id === gpt.ownerId;
}

/** The reviewer's public name: never the email address. */
export function reviewerDisplayName(user: { name: string | null }): string {
  const name = user.name?.trim();
  return name ? name : "Atelier user";
}
