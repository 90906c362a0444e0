import { describe, expect, it } from "vitest";
import { SIGN_IN_ADDRESS_LIMIT } from "@/lib/auth/limits";
import {
  FAILURE_MEMORY_HOURS,
  FIRST_DELAY_SECONDS,
  FREE_FAILURES,
  MAX_DELAY_SECONDS,
} from "@/lib/auth/sign-in-throttle-rules";
import { signUp } from "@/lib/auth/sign-up";
import {
  ACCOUNT_SUSPENDED,
  INVALID_CREDENTIALS,
  verifyCredentials,
} from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db";
import { expectAppError } from "../../support/app-error";

const PASSWORD = "correct horse battery";
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

/** `count` wrong passwords for `email` from `ip`, each answered as an ordinary failure. */
async function failSignIns(email: string, ip: string, count: number) {
  for (let attempt = 0; attempt < count; attempt++) {
    await expect(
      verifyCredentials({ input: { email, password: `wrong-password-${attempt}` }, ip }),
    ).rejects.toThrow(INVALID_CREDENTIALS);
  }
}

describe("[AUTH]: email and password accounts", () => {
  it("stores an argon2id hash, never the password", async () => {
    await signUp({
      input: { name: "Ann", email: "Ann@Example.com", password: PASSWORD },
      ip: freshIp(),
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ann@example.com" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });

  it("keeps a keyed hash of the sign-up address (equal for equal addresses), never the address", async () => {
    const ip = freshIp();
    for (const email of ["net1@example.com", "net2@example.com"]) {
      await signUp({ input: { name: "Net", email, password: PASSWORD }, ip });
    }
    const users = await prisma.user.findMany({
      where: { email: { in: ["net1@example.com", "net2@example.com"] } },
    });
    expect(users[0].signupNetworkHash).toBeTruthy();
    expect(users[0].signupNetworkHash).toBe(users[1].signupNetworkHash);
    expect(users[0].signupNetworkHash).not.toContain(ip);
    await signUp({
      input: { name: "Other", email: "net3@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    const other = await prisma.user.findUniqueOrThrow({ where: { email: "net3@example.com" } });
    expect(other.signupNetworkHash).not.toBe(users[0].signupNetworkHash);
  });

  it("gives a taken email the same refusal as any other, without saying it exists", async () => {
    await signUp({
      input: { name: "Bob", email: "bob@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    const attempt = signUp({
      input: { name: "Bob 2", email: "bob@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    await expect(attempt).rejects.toMatchObject({ code: "bad_request" });
    await expect(attempt).rejects.not.toThrow(/exist/i);
    expect(await prisma.user.count({ where: { email: "bob@example.com" } })).toBe(1);
  });

  it("rejects a weak password with a message for that field", async () => {
    await expect(
      signUp({
        input: { name: "Cy", email: "cy@example.com", password: "password1" },
        ip: freshIp(),
      }),
    ).rejects.toMatchObject({
      code: "bad_request",
      fieldErrors: {
        password: expect.arrayContaining([expect.stringMatching(/at least 10|too common/)]),
      },
    });
  });

  it("answers a wrong password and an unknown email with the same message", async () => {
    await signUp({
      input: { name: "Dee", email: "dee@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    const wrong = verifyCredentials({
      input: { email: "dee@example.com", password: "nope-nope-nope" },
      ip: freshIp(),
    });
    const unknown = verifyCredentials({
      input: { email: "nobody@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    // Both expectations attach at once: the unknown email fails fast, before the password check,
    // and a rejection nobody listens to yet is reported as unhandled.
    await Promise.all([
      expect(wrong).rejects.toThrow(INVALID_CREDENTIALS),
      expect(unknown).rejects.toThrow(INVALID_CREDENTIALS),
    ]);
    await expect(
      verifyCredentials({ input: { email: "DEE@example.com", password: PASSWORD }, ip: freshIp() }),
    ).resolves.toMatchObject({ email: "dee@example.com" });
  });

  it("after 5 wrong passwords from one address, that address waits before its next try, even with the right password", async () => {
    await signUp({
      input: { name: "Eve", email: "eve@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    const attacker = freshIp();
    await failSignIns("eve@example.com", attacker, FREE_FAILURES);
    const refusal = await expectAppError(
      verifyCredentials({ input: { email: "eve@example.com", password: PASSWORD }, ip: attacker }),
      "rate_limited",
    );
    expect(refusal.message).toMatch(
      /^Too many attempts\. Please wait (9|10) seconds and try again\.$/,
    );
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(FIRST_DELAY_SECONDS);
  });

  it("cannot be turned into a lock-out: the owner signs in from their own address meanwhile", async () => {
    await signUp({
      input: { name: "Owen", email: "owen@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    const attacker = freshIp();
    await failSignIns("owen@example.com", attacker, FREE_FAILURES);
    await expectAppError(
      verifyCredentials({ input: { email: "owen@example.com", password: "guess" }, ip: attacker }),
      "rate_limited",
    );
    await expect(
      verifyCredentials({
        input: { email: "owen@example.com", password: PASSWORD },
        ip: freshIp(),
      }),
    ).resolves.toMatchObject({ email: "owen@example.com" });
  });

  it("each failure after the wait doubles the next wait, up to 15 minutes", async () => {
    await signUp({
      input: { name: "Gus", email: "gus@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    const ip = freshIp();
    await failSignIns("gus@example.com", ip, FREE_FAILURES);
    const waits: number[] = [];
    for (let round = 0; round < 9; round++) {
      // Let the current wait pass, then fail once more.
      await prisma.signInThrottle.updateMany({
        data: { lastFailureAt: new Date(Date.now() - MAX_DELAY_SECONDS * 1000 - 1000) },
      });
      await failSignIns("gus@example.com", ip, 1);
      const refusal = await expectAppError(
        verifyCredentials({ input: { email: "gus@example.com", password: "wrong-password" }, ip }),
        "rate_limited",
      );
      waits.push(refusal.retryAfterSeconds ?? 0);
    }
    expect(waits.map((seconds) => Math.round(seconds / 10) * 10)).toEqual([
      20, 40, 80, 160, 320, 640, 900, 900, 900,
    ]);
  });

  it("a correct password starts the address from zero; failures a day old are forgotten", async () => {
    await signUp({
      input: { name: "Ida", email: "ida@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    const ip = freshIp();
    await failSignIns("ida@example.com", ip, FREE_FAILURES - 1);
    await verifyCredentials({ input: { email: "ida@example.com", password: PASSWORD }, ip });
    await failSignIns("ida@example.com", ip, FREE_FAILURES - 1);
    await expect(
      verifyCredentials({ input: { email: "ida@example.com", password: PASSWORD }, ip }),
    ).resolves.toMatchObject({ email: "ida@example.com" });

    await failSignIns("ida@example.com", ip, FREE_FAILURES);
    await prisma.signInThrottle.updateMany({
      data: { lastFailureAt: new Date(Date.now() - (FAILURE_MEMORY_HOURS * 3600 + 60) * 1000) },
    });
    await failSignIns("ida@example.com", ip, FREE_FAILURES - 1);
  });

  it("a burst of concurrent guesses after the wait gets one try, not many", async () => {
    await signUp({
      input: { name: "Max", email: "max@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    const ip = freshIp();
    await failSignIns("max@example.com", ip, FREE_FAILURES);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        verifyCredentials({ input: { email: "max@example.com", password: "wrong-password" }, ip }),
      ),
    );
    // Still inside the first wait: every one of them is refused before the password is checked.
    expect(results.map((result) => result.status === "rejected" && result.reason.code)).toEqual(
      Array(6).fill("rate_limited"),
    );
  });

  it("limits one address across many emails", async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < SIGN_IN_ADDRESS_LIMIT; attempt++) {
      await expect(
        verifyCredentials({
          input: { email: `probe${attempt}@example.com`, password: "whatever-pass" },
          ip,
        }),
      ).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(
      verifyCredentials({ input: { email: "another@example.com", password: "whatever-pass" }, ip }),
    ).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("refuses a banned user, telling only someone who knows the password", async () => {
    await signUp({
      input: { name: "Fay", email: "fay@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    await prisma.user.update({
      where: { email: "fay@example.com" },
      data: { bannedAt: new Date() },
    });
    await expect(
      verifyCredentials({ input: { email: "fay@example.com", password: PASSWORD }, ip: freshIp() }),
    ).rejects.toThrow(ACCOUNT_SUSPENDED);
    await expect(
      verifyCredentials({
        input: { email: "fay@example.com", password: "wrong-password" },
        ip: freshIp(),
      }),
    ).rejects.toThrow(INVALID_CREDENTIALS);
  });
});
