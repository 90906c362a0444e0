import { isModerator } from "../auth/roles";
import type { Actor } from "../auth/session";

/**
 * ACTIVE: as its owner set it. UNLISTED: a moderator took it out of the store (after a report); it
 * still works by link. REMOVED: a moderator took it down; only its owner (and staff) can open it.
 * IN_REVIEW: its public listing waits for a moderator; REJECTED: a moderator refused the listing.
 * Both work by link and are not listed (lib/moderation/review).
 */
export type GptStatus = "ACTIVE" | "UNLISTED" | "REMOVED" | "IN_REVIEW" | "REJECTED";

type GptAccessFields = {
  ownerId: string;
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
  status: GptStatus;
  publishedVersionId: string | null;
  /** A banned creator's GPTs disappear for everyone but admins. */
  isOwnerBanned?: boolean;
  /** Soft-deleted by its owner: gone for everyone (admins still see it in their lists). */
  isDeleted?: boolean;
};

export function canEditGpt(
  actor: Pick<Actor, "id" | "role"> | null,
  gpt: Pick<GptAccessFields, "ownerId">,
): boolean {
  return actor !== null && actor.id === gpt.ownerId;
}

/** Who may open a GPT's page and chat with its published version. */
export function canViewGpt(
  actor: Pick<Actor, "id" | "role"> | null,
  gpt: GptAccessFields,
): boolean {
  if (gpt.isDeleted) return false;
  // Staff open anything they may have to moderate.
  if (isModerator(actor)) return true;
  if (gpt.isOwnerBanned) return false;
  if (actor && actor.id === gpt.ownerId) return true;
  if (gpt.status === "REMOVED" || !gpt.publishedVersionId) return false;
  return gpt.visibility === "PUBLIC" || gpt.visibility === "LINK";
}

/** Listed in the store: public, published, not unlisted or removed. Link-only GPTs never are. */
export function isListedInStore(gpt: GptAccessFields): boolean {
  return (
    gpt.status === "ACTIVE" &&
    gpt.visibility === "PUBLIC" &&
    gpt.publishedVersionId !== null &&
    !gpt.isOwnerBanned &&
    !gpt.isDeleted
  );
}

/**
 * Who may copy a GPT's published configuration into a draft of their own: any signed-in user,
 * when its owner allows remixing and it is published, shared (link or public), not removed, not
 * deleted and its owner not banned. Admin rights add nothing here. Whoever may remix may also view
 * the published settings (instructions included): that is the owner's explicit opt-in.
 */
export function canRemixGpt(
  actor: Pick<Actor, "id" | "role"> | null,
  gpt: GptAccessFields & { allowRemix: boolean },
): boolean {
  if (!actor || !gpt.allowRemix || gpt.isDeleted || gpt.isOwnerBanned) return false;
  if (gpt.status === "REMOVED" || !gpt.publishedVersionId) return false;
  return gpt.visibility !== "PRIVATE" || actor.id === gpt.ownerId;
}
