import { AppError } from "../errors";
import type { EmbedTarget } from "./queries";

export type EmbedRefusalReason =
  | "unavailable"
  | "unpublished"
  | "embed_disabled"
  | "origin_not_allowed";

/**
 * Why the widget may not run for `origin` (a website's origin, as the browser reported it), or
 * null when it may. Judged on every session, frame and chat request from settings read fresh.
 */
export function embedRefusal(
  target: EmbedTarget | null,
  origin: string | null,
): { reason: EmbedRefusalReason; message: string } | null {
  if (
    !target ||
    target.isDeleted ||
    target.isRemoved ||
    target.owner.isBanned ||
    target.owner.isDeleted
  ) {
    return { reason: "unavailable", message: "This assistant isn't available." };
  }
  if (!target.isPublished) {
    return {
      reason: "unpublished",
      message: "This assistant isn't published, so it can't be embedded.",
    };
  }
  if (!target.embed?.isEnabled) {
    return {
      reason: "embed_disabled",
      message: "The website widget is turned off for this assistant.",
    };
  }
  if (!origin || !target.embed.allowedOrigins.includes(origin)) {
    return {
      reason: "origin_not_allowed",
      message: `This website (${origin ?? "unknown"}) isn't allowed to embed this assistant. Its creator can add it under Share → Embed on your site.`,
    };
  }
  return null;
}

/** embedRefusal as an AppError: 403 with the reason in `details.reason`. */
export function assertEmbedAllowed(
  target: EmbedTarget | null,
  origin: string | null,
): asserts target is EmbedTarget {
  const refusal = embedRefusal(target, origin);
  if (!refusal) return;
  throw new AppError("forbidden", refusal.message, undefined, {
    details: { reason: refusal.reason },
  });
}
