import { describe, expect, it } from "vitest";
import { setMessageFeedbackSchema } from "@/lib/feedback/schemas";

describe("[FEEDBACK]: the thumbs input", () => {
  it("takes a thumb with an optional trimmed note; an empty note clears, a missing one keeps", () => {
    expect(setMessageFeedbackSchema.parse({ rating: "UP" })).toEqual({ rating: "UP" });
    expect(setMessageFeedbackSchema.parse({ rating: "DOWN", comment: "  vague " })).toEqual({
      rating: "DOWN",
      comment: "vague",
    });
    expect(setMessageFeedbackSchema.parse({ rating: "DOWN", comment: "   " }).comment).toBeNull();
    expect(setMessageFeedbackSchema.parse({ rating: "DOWN", comment: null }).comment).toBeNull();
  });

  it("refuses other ratings and notes over 1,000 characters with clear messages", () => {
    const bad = setMessageFeedbackSchema.safeParse({ rating: "MEH" });
    expect(bad.error?.issues[0].message).toBe("Choose thumbs up or thumbs down.");
    const long = setMessageFeedbackSchema.safeParse({ rating: "UP", comment: "x".repeat(1001) });
    expect(long.error?.issues[0].message).toBe("Comments are limited to 1,000 characters.");
    expect(
      setMessageFeedbackSchema.safeParse({ rating: "UP", comment: "x".repeat(1000) }).success,
    ).toBe(true);
  });
});
