import { describe, expect, it } from "vitest";
import {
  delayAfterFailures,
  FREE_FAILURES,
  MAX_DELAY_SECONDS,
  waitPhrase,
} from "@/lib/auth/sign-in-throttle-rules";

describe("[AUTH]: sign-in delays grow with failures", () => {
  it("lets the first failures through, then doubles the wait from 10 s to a 15-minute ceiling", () => {
    const delays = Array.from({ length: 16 }, (_, failures) => delayAfterFailures(failures));
    expect(delays.slice(0, FREE_FAILURES)).toEqual([0, 0, 0, 0, 0]);
    expect(delays.slice(FREE_FAILURES)).toEqual([
      10, 20, 40, 80, 160, 320, 640, 900, 900, 900, 900,
    ]);
    expect(delayAfterFailures(1000)).toBe(MAX_DELAY_SECONDS);
  });

  it("says the wait in seconds under a minute and in whole minutes above", () => {
    expect(waitPhrase(1)).toBe("1 second");
    expect(waitPhrase(40)).toBe("40 seconds");
    expect(waitPhrase(60)).toBe("1 minute");
    expect(waitPhrase(61)).toBe("2 minutes");
    expect(waitPhrase(900)).toBe("15 minutes");
  });
});
