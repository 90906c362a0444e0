import { describe, expect, it } from "vitest";
import {
  moderationBadge,
  moderationBadgeTitle,
  reasonForStatus,
  SHORT_REASON_LENGTH,
  visibilityBadge,
} from "@/lib/moderation/labels";

const STATUSES = ["ACTIVE", "UNLISTED", "REMOVED", "IN_REVIEW", "REJECTED"] as const;
const VISIBILITIES = ["PRIVATE", "LINK", "PUBLIC"] as const;

describe("[MODERATION]: visibility badge labels", () => {
  it("[MODERATION]: shows the owner's visibility only while ACTIVE, and never 'Public' for a GPT the store does not list", () => {
    for (const status of STATUSES) {
      for (const visibility of VISIBILITIES) {
        const badge = visibilityBadge({ status, visibility });
        if (status === "ACTIVE") {
          expect(badge).toEqual({ kind: "visibility", visibility });
        } else {
          expect(badge.kind).toBe("moderation");
          expect(JSON.stringify(badge)).not.toMatch(/"label":"Public"/);
        }
      }
    }
  });

  it("[MODERATION]: names each moderation state in the creator's words", () => {
    expect(moderationBadge("ACTIVE")).toBeNull();
    expect(moderationBadge("IN_REVIEW")?.label).toBe("In review");
    expect(moderationBadge("REJECTED")?.label).toBe("Rejected");
    expect(moderationBadge("UNLISTED")?.label).toBe("Unlisted by moderators");
    expect(moderationBadge("REMOVED")?.label).toBe("Removed");
  });

  it("[MODERATION]: the tooltip carries a short reason and leaves a long one to the editor", () => {
    const badge = moderationBadge("UNLISTED");
    if (!badge) throw new Error("expected a badge");
    expect(moderationBadgeTitle(badge, "Phishing link.")).toBe(
      `${badge.description} Reason: Phishing link.`,
    );
    expect(moderationBadgeTitle(badge, "x".repeat(SHORT_REASON_LENGTH + 1))).toBe(
      badge.description,
    );
    expect(moderationBadgeTitle(badge, null)).toBe(badge.description);
  });

  it("[MODERATION]: the reason shown is the decision that put the GPT in its state, not an older one", () => {
    const unlist = { kind: "UNLIST" as const, reason: "Phishing link." };
    expect(reasonForStatus("UNLISTED", unlist)).toBe("Phishing link.");
    expect(reasonForStatus("IN_REVIEW", unlist)).toBeNull();
    expect(reasonForStatus("ACTIVE", { kind: "RESTORE", reason: "Fixed." })).toBeNull();
    expect(reasonForStatus("REMOVED", null)).toBeNull();
  });
});
