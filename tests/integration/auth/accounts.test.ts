import { describe, expect, it } from "vitest";
import { AUTH_ATTEMPT_LIMIT } from "@/lib/auth/limits";
import { signUp } from "@/lib/auth/sign-up";
import {
  ACCOUNT_SUSPENDED,
  INVALID_CREDENTIALS,
  verifyCredentials,
} from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db";

const PASSWORD = "correct horse battery";
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

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

  it("locks an email after 7 failed attempts in 5 minutes, from any IP", async () => {
    await signUp({
      input: { name: "Eve", email: "eve@example.com", password: PASSWORD },
      ip: freshIp(),
    });
    for (let attempt = 0; attempt < AUTH_ATTEMPT_LIMIT; attempt++) {
      await expect(
        verifyCredentials({
          input: { email: "eve@example.com", password: "wrong-password" },
          ip: freshIp(),
        }),
      ).rejects.toThrow(INVALID_CREDENTIALS);
    }
    // Even the right password is refused until the window passes.
    await expect(
      verifyCredentials({ input: { email: "eve@example.com", password: PASSWORD }, ip: freshIp() }),
    ).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/Too many attempts/),
    });
  });

  it("limits one IP across many emails", async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < AUTH_ATTEMPT_LIMIT; attempt++) {
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
