import { describe, expect, it } from "vitest";
import { confirmEmailChange, requestEmailChange } from "@/lib/accounts/change-email";
import { changePassword } from "@/lib/accounts/change-password";
import { LINK_EXPIRED } from "@/lib/accounts/email-tokens";
import { operatorResetPassword } from "@/lib/accounts/operator-reset-password";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/reset-password";
import { confirmEmailVerification, requestVerificationEmail } from "@/lib/accounts/verify-email";
import type { Actor } from "@/lib/auth/session";
import { signUp } from "@/lib/auth/sign-up";
import { startUserSession } from "@/lib/auth/user-sessions";
import { INVALID_CREDENTIALS, verifyCredentials } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db";
import { expectAppError } from "../../support/app-error";
import { lastEmailTo, tokenFromEmail } from "../../support/mailbox";

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";
let counter = 0;
const freshIp = () => `198.51.100.${++counter}`;
const freshEmail = (name: string) => `${name}-${++counter}@example.com`;

async function newAccount(name: string): Promise<Actor & { sessionId: string }> {
  const user = await signUp({
    input: { name, email: freshEmail(name), password: PASSWORD },
    ip: freshIp(),
  });
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  const sessionId = await startUserSession({ userId: user.id, userAgent: "test" });
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId };
}

async function liveSessions(userId: string) {
  return prisma.userSession.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
}

describe("[ACCOUNTS]: email verification", () => {
  it("sign-up mails a link; opening it verifies the address, and the link works once", async () => {
    const user = await newAccount("vera");
    const mail = await lastEmailTo(user.email, "verify-email");
    expect(mail?.subject).toMatch(/confirm your email/i);
    const token = tokenFromEmail(mail?.text, "/verify-email");
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt,
    ).toBeNull();

    await expect(confirmEmailVerification({ token })).resolves.toEqual({ email: user.email });
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt,
    ).not.toBeNull();
    expect((await expectAppError(confirmEmailVerification({ token }), "bad_request")).message).toBe(
      LINK_EXPIRED,
    );
    await expectAppError(requestVerificationEmail({ actor: user }), "conflict");
  });

  it("a resent link retires the earlier one; resends are limited", async () => {
    const user = await newAccount("resend");
    const first = tokenFromEmail(
      (await lastEmailTo(user.email, "verify-email"))?.text,
      "/verify-email",
    );
    await requestVerificationEmail({ actor: user });
    const second = tokenFromEmail(
      (await lastEmailTo(user.email, "verify-email"))?.text,
      "/verify-email",
    );
    expect(second).not.toBe(first);
    await expectAppError(confirmEmailVerification({ token: first }), "bad_request");
    await requestVerificationEmail({ actor: user });
    await requestVerificationEmail({ actor: user });
    await expectAppError(requestVerificationEmail({ actor: user }), "rate_limited");
  });
});

describe("[ACCOUNTS]: password reset by email", () => {
  it("answers the same for unknown addresses and mails nothing", async () => {
    const email = freshEmail("nobody");
    await expect(requestPasswordReset({ input: { email }, ip: freshIp() })).resolves.toEqual({
      email,
    });
    expect(await lastEmailTo(email)).toBeNull();
  });

  it("the link sets a new password once, ends every session, verifies the address and tells the owner", async () => {
    const user = await newAccount("reset");
    await startUserSession({ userId: user.id, userAgent: "phone" });
    await requestPasswordReset({ input: { email: user.email }, ip: freshIp() });
    const mail = await lastEmailTo(user.email, "reset-password");
    const token = tokenFromEmail(mail?.text, "/reset-password");

    await resetPassword({ input: { token, password: NEW_PASSWORD } });
    expect(await liveSessions(user.id)).toEqual([]);
    await expect(
      verifyCredentials({ input: { email: user.email, password: PASSWORD }, ip: freshIp() }),
    ).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(
      verifyCredentials({ input: { email: user.email, password: NEW_PASSWORD }, ip: freshIp() }),
    ).resolves.toMatchObject({ id: user.id });
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt,
    ).not.toBeNull();
    expect(await lastEmailTo(user.email, "password-changed")).not.toBeNull();
    await expectAppError(
      resetPassword({ input: { token, password: "yet another passphrase" } }),
      "bad_request",
    );
  });

  it("refuses an expired link, a retired one, and a weak password (without using the link)", async () => {
    const user = await newAccount("expired");
    await requestPasswordReset({ input: { email: user.email }, ip: freshIp() });
    const older = tokenFromEmail(
      (await lastEmailTo(user.email, "reset-password"))?.text,
      "/reset-password",
    );
    await requestPasswordReset({ input: { email: user.email }, ip: freshIp() });
    const newer = tokenFromEmail(
      (await lastEmailTo(user.email, "reset-password"))?.text,
      "/reset-password",
    );
    await expectAppError(
      resetPassword({ input: { token: older, password: NEW_PASSWORD } }),
      "bad_request",
    );

    const weak = await expectAppError(
      resetPassword({ input: { token: newer, password: "short" } }),
      "bad_request",
    );
    expect(weak.fieldErrors?.password?.[0]).toMatch(/at least 10/);
    await prisma.emailToken.updateMany({
      where: { userId: user.id, purpose: "RESET_PASSWORD", usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expectAppError(
      resetPassword({ input: { token: newer, password: NEW_PASSWORD } }),
      "bad_request",
    );
  });

  it("limits requests per address", async () => {
    const user = await newAccount("flood");
    for (let index = 0; index < 3; index++) {
      await requestPasswordReset({ input: { email: user.email }, ip: freshIp() });
    }
    await expectAppError(
      requestPasswordReset({ input: { email: user.email }, ip: freshIp() }),
      "rate_limited",
    );
  });
});

describe("[ACCOUNTS]: changing the password and the email", () => {
  it("a password change needs the current one and signs out every other browser", async () => {
    const user = await newAccount("changer");
    await startUserSession({ userId: user.id, userAgent: "tablet" });
    const wrong = await expectAppError(
      changePassword({
        actor: user,
        input: { currentPassword: "not it at all", newPassword: NEW_PASSWORD },
      }),
      "bad_request",
    );
    expect(wrong.fieldErrors?.currentPassword).toEqual(["That is not your current password."]);

    await expect(
      changePassword({
        actor: user,
        input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      }),
    ).resolves.toEqual({ otherSessionsSignedOut: 1 });
    expect(await liveSessions(user.id)).toEqual([{ id: user.sessionId }]);
    expect(await lastEmailTo(user.email, "password-changed")).not.toBeNull();
  });

  it("an email change takes effect when the new address opens its link; the old address is told", async () => {
    const user = await newAccount("mover");
    const newEmail = freshEmail("moved");
    await expectAppError(
      requestEmailChange({ actor: user, input: { newEmail, currentPassword: "wrong password!" } }),
      "bad_request",
    );
    await requestEmailChange({ actor: user, input: { newEmail, currentPassword: PASSWORD } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(
      user.email,
    );
    const token = tokenFromEmail(
      (await lastEmailTo(newEmail, "change-email"))?.text,
      "/confirm-email",
    );

    await expect(confirmEmailChange({ token })).resolves.toEqual({ email: newEmail });
    const moved = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerifiedAt).not.toBeNull();
    expect(await lastEmailTo(user.email, "email-changed")).not.toBeNull();
  });

  it("an address another account took in the meantime is refused at confirmation", async () => {
    const user = await newAccount("late");
    const contested = freshEmail("contested");
    await requestEmailChange({
      actor: user,
      input: { newEmail: contested, currentPassword: PASSWORD },
    });
    const token = tokenFromEmail(
      (await lastEmailTo(contested, "change-email"))?.text,
      "/confirm-email",
    );
    await signUp({ input: { name: "First", email: contested, password: PASSWORD }, ip: freshIp() });
    await expectAppError(confirmEmailChange({ token }), "conflict");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(
      user.email,
    );
  });
});

describe("[ACCOUNTS]: the operator's password reset", () => {
  it("sets a new password shown once and ends every session", async () => {
    const user = await newAccount("operator");
    const { password } = await operatorResetPassword(user.email.toUpperCase());
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await liveSessions(user.id)).toEqual([]);
    await expect(
      verifyCredentials({ input: { email: user.email, password }, ip: freshIp() }),
    ).resolves.toMatchObject({ id: user.id });
    await expectAppError(operatorResetPassword("nobody@example.com"), "not_found");
  });
});
