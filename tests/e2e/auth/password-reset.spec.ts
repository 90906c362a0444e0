import { expect, expectNoA11yViolations, PASSWORD, test, uniqueEmail } from "../support/fixtures";

/** The fake SMTP server's control API (playwright.config.ts starts it; the app mails it). */
const FAKE_SMTP = `http://127.0.0.1:${process.env.E2E_FAKE_SMTP_CONTROL_PORT ?? "4051"}`;

type CapturedMessage = { subject: string; text: string };

/** The newest mail to `to` whose subject matches, waiting for it to arrive. */
async function mailTo(to: string, subject: RegExp): Promise<CapturedMessage> {
  let found: CapturedMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(
          `${FAKE_SMTP}/__control/messages?to=${encodeURIComponent(to)}`,
        );
        const { messages } = (await response.json()) as { messages: CapturedMessage[] };
        found = messages.find((message) => subject.test(message.subject));
        return Boolean(found);
      },
      { message: `a mail to ${to} with a subject like ${subject}`, timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

/** The path and query of the link in a mail that opens `path`. */
function linkIn(message: CapturedMessage, path: string): string {
  const match = message.text.match(new RegExp(`https?://[^\\s]+${path}\\?token=[^\\s]+`));
  expect(match, `a ${path} link in: ${message.text}`).not.toBeNull();
  const url = new URL(match![0]);
  return `${url.pathname}${url.search}`;
}

test("[ACCOUNTS]: a user who forgot their password gets a link by email, sets a new one, and signs in with it; the link works once", async ({
  page,
}) => {
  const email = uniqueEmail("forgetful");
  const created = await page.request.post("/api/auth/sign-up", {
    data: { name: "Forgetful", email, password: PASSWORD },
  });
  expect(created.status()).toBe(201);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account uses ${email}`);

  const resetLink = linkIn(await mailTo(email, /reset/i), "/reset-password");
  await page.goto(resetLink);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the new password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("#password-error")).toHaveText("Use at least 10 characters.");
  await page.getByLabel("New password", { exact: true }).fill("a fresh and long passphrase");
  await page.getByLabel("Repeat the new password").fill("a fresh and long passphrase");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Set new password" }).click();

  await expect(page).toHaveURL(/\/sign-in\?notice=password-reset/);
  await expect(
    page.getByRole("status").filter({ hasText: "Your password is changed" }),
  ).toBeVisible();
  await expect(await mailTo(email, /password was changed/i)).toBeTruthy();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a fresh and long passphrase");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();

  // Used once: the same link now says so and offers a new one.
  await page.goto(resetLink);
  await expect(page.getByText("This link has expired or has already been used.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Send a new link" })).toBeVisible();
});

test("[ACCOUNTS]: a new account verifies its email from the link it was sent, and Settings → Security says so", async ({
  page,
}) => {
  const email = uniqueEmail("verifier");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Vera Fier");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();

  await page.goto("/settings/security");
  await expect(page.getByRole("region", { name: "Email" }).getByText("Not verified")).toBeVisible();
  await page.goto(linkIn(await mailTo(email, /confirm your email/i), "/verify-email"));
  await expect(page.getByRole("status").filter({ hasText: "Verified:" })).toContainText(email);
  await page.goto("/settings/security");
  await expect(
    page.getByRole("region", { name: "Email" }).getByText("Verified", { exact: true }),
  ).toBeVisible();
  await expectNoA11yViolations(page);
});
