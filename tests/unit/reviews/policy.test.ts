import { describe, expect, it } from "vitest";
import {
  canReplyToReview,
  REVIEW_REFUSALS,
  reviewerDisplayName,
  reviewRefusalReason,
} from "@/lib/reviews/policy";
import { replyInputSchema, reviewInputSchema } from "@/lib/reviews/schemas";

const gpt = { ownerId: "owner" };

describe("[REVIEWS]: review policy", () => {
  it("asks signed-out visitors to sign in", () => {
    expect(reviewRefusalReason(null, gpt, false)).toEqual({
      code: "unauthorized",
      message: REVIEW_REFUSALS.signedOut,
    });
  });

  it("refuses the creator even when they chatted", () => {
    expect(reviewRefusalReason({ id: "owner" }, gpt, true)?.message).toBe(REVIEW_REFUSALS.ownGpt);
  });

  it("refuses someone who has not chatted, allows someone who has", () => {
    expect(reviewRefusalReason({ id: "user" }, gpt, false)?.message).toBe(
      REVIEW_REFUSALS.notChatted,
    );
    expect(reviewRefusalReason({ id: "user" }, gpt, true)).toBeNull();
  });

  it("lets only the creator reply", () => {
    expect(canReplyToReview({ id: "owner" }, gpt)).toBe(true);
    expect(canReplyToReview({ id: "user" }, gpt)).toBe(false);
    expect(canReplyToReview(null, gpt)).toBe(false);
  });

  it("never shows an empty name", () => {
    expect(reviewerDisplayName({ name: "Ada" })).toBe("Ada");
    expect(reviewerDisplayName({ name: "  " })).toBe("Atelier user");
    expect(reviewerDisplayName({ name: null })).toBe("Atelier user");
  });
});

describe("[REVIEWS]: review input", () => {
  it("trims the text and turns an empty one into null", () => {
    expect(reviewInputSchema.parse({ rating: 5, body: "  Great  " })).toEqual({
      rating: 5,
      body: "Great",
    });
    expect(reviewInputSchema.parse({ rating: 5, body: "   " }).body).toBeNull();
    expect(reviewInputSchema.parse({ rating: 5 }).body).toBeNull();
  });

  it("accepts whole ratings 1-5 only and text up to 2,000 characters", () => {
    for (const rating of [0, 6, 3.5, "4"]) {
      expect(reviewInputSchema.safeParse({ rating }).success).toBe(false);
    }
    expect(reviewInputSchema.safeParse({ rating: 1, body: "x".repeat(2000) }).success).toBe(true);
    expect(reviewInputSchema.safeParse({ rating: 1, body: "x".repeat(2001) }).success).toBe(false);
  });

  it("needs a non-empty reply of at most 1,000 characters", () => {
    expect(replyInputSchema.safeParse({ body: " " }).success).toBe(false);
    expect(replyInputSchema.safeParse({ body: "x".repeat(1001) }).success).toBe(false);
    expect(replyInputSchema.parse({ body: " Thanks " }).body).toBe("Thanks");
  });
});
