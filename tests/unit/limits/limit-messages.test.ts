import { describe, expect, it } from "vitest";
import {
  chatLimitError,
  dailyLimitMessage,
  formatWait,
  gptSpendLimitMessage,
  instanceSpendLimitMessage,
  rateLimitMessage,
} from "@/lib/limits/limit-messages";

describe("[LIMITS]: a refusal says which limit and when it resets, in plain words", () => {
  it("waits read as seconds, minutes, or hours and minutes, rounded up", () => {
    expect(formatWait(0.2)).toBe("1 second");
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(12)).toBe("12 seconds");
    expect(formatWait(59.5)).toBe("1 min");
    expect(formatWait(60)).toBe("1 min");
    expect(formatWait(61)).toBe("2 min");
    expect(formatWait(59 * 60)).toBe("59 min");
    expect(formatWait(3600)).toBe("1 h");
    expect(formatWait(5 * 3600 + 12 * 60)).toBe("5 h 12 min");
    expect(formatWait(5 * 3600 + 11 * 60 + 1)).toBe("5 h 12 min");
    expect(formatWait(86_400)).toBe("24 h");
  });

  it("the rate limit names the seconds until the next message", () => {
    expect(rateLimitMessage({ retryAfterSeconds: 12 })).toBe(
      "You're sending messages too quickly. Try again in 12 seconds.",
    );
  });

  it("the daily allowance names its size and the time to midnight UTC", () => {
    expect(dailyLimitMessage({ dailyMessages: 500, secondsUntilReset: 5 * 3600 + 12 * 60 })).toBe(
      "You've used today's 500 messages. They renew at midnight UTC, in 5 h 12 min.",
    );
    expect(dailyLimitMessage({ dailyMessages: 1, secondsUntilReset: 30 })).toBe(
      "You've used today's 1 message. It renews at midnight UTC, in 30 seconds.",
    );
    expect(dailyLimitMessage({ dailyMessages: 10_000, secondsUntilReset: 600 })).toContain(
      "today's 10,000 messages",
    );
  });

  it("spend caps name the GPT, or the instance, and the time to midnight UTC", () => {
    expect(gptSpendLimitMessage({ gptName: "Recipe helper", secondsUntilReset: 7200 })).toBe(
      "Recipe helper has reached its usage limit for today. It can answer again at midnight UTC, in 2 h.",
    );
    expect(gptSpendLimitMessage({ secondsUntilReset: 90 })).toBe(
      "This GPT has reached its usage limit for today. It can answer again at midnight UTC, in 2 min.",
    );
    expect(instanceSpendLimitMessage({ secondsUntilReset: 45 })).toBe(
      "This Atelier instance has reached its daily usage limit. Chats resume at midnight UTC, in 45 seconds.",
    );
  });

  it("the error is a 429 with Retry-After, the limit and when it resets", async () => {
    const now = new Date("2026-12-06T10:00:00.000Z");
    const resetsAt = new Date("2026-12-06T10:00:11.200Z");
    const error = chatLimitError({ limit: "rate", message: "Slow down.", now, resetsAt });
    expect(error).toMatchObject({
      code: "rate_limited",
      message: "Slow down.",
      retryAfterSeconds: 12,
      details: { limit: "rate", resetsAt: "2026-12-06T10:00:11.200Z" },
    });
  });
});
