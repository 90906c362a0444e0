/**
 * What a notification reports (Notification.kind). Moderation decisions reach the GPT's creator;
 * appeals reach moderators; a creator's reply reaches the reviewer; a resolved report reaches
 * whoever filed it.
 */
export const NOTIFICATION_KINDS = [
  "listing.in-review",
  "listing.approved",
  "listing.rejected",
  "gpt.unlisted",
  "gpt.removed",
  "gpt.restored",
  "appeal.submitted",
  "appeal.upheld",
  "appeal.reversed",
  "review.replied",
  "report.resolved",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
