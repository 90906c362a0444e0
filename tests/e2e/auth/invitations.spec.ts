import {
  ADMIN,
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  PASSWORD,
  signInViaApi,
  test,
  uniqueEmail,
} from "../support/fixtures";

// The instance without Stripe has no SMTP either: its mail waits in Admin → Outbox, as a
// self-hoster's would. Its sign-up policy is changed here and put back at the end.
const NO_SMTP_URL = `http://localhost:${process.env.E2E_NO_BILLING_PORT ?? "3211"}`;

test("[ACCOUNTS]: on an invitation-only Atelier without SMTP, an admin invites someone, finds the mail in the Outbox, and its link creates that account; strangers are told they need an invitation", async ({
  browser,
}) => {
  const adminContext = await newIsolatedContext(browser, { baseURL: NO_SMTP_URL });
  const guestContext = await newIsolatedContext(browser, { baseURL: NO_SMTP_URL });
  const admin = await adminContext.newPage();
  const guest = await guestContext.newPage();
  const invited = uniqueEmail("invited");
  try {
    await signInViaApi(admin.request, ADMIN.email, ADMIN.password);
    await admin.goto("/admin/settings");
    const signUps = admin.getByRole("region", { name: "Sign-ups" });
    await signUps.getByRole("radio", { name: /Invitation only/ }).check();
    await signUps.getByRole("button", { name: "Save sign-up rules" }).click();
    await expect(admin.getByText("Sign-up rules saved.")).toBeVisible();

    await guest.goto("/sign-up");
    await expect(guest.getByText(/needs an invitation/)).toBeVisible();
    await expect(guest.getByRole("button", { name: "Create account" })).toHaveCount(0);

    const invitations = admin.getByRole("region", { name: "Invitations" });
    await invitations.getByLabel("Invite by email").fill(invited);
    await invitations.getByRole("button", { name: "Send invitation" }).click();
    await expect(admin.getByText(`Invitation sent to ${invited}.`)).toBeVisible();
    await expect(invitations.getByTestId("invitation-row").first()).toContainText(/Pending/);
    await expectNoA11yViolations(admin);

    await admin
      .getByRole("navigation", { name: "Admin" })
      .getByRole("link", { name: "Outbox" })
      .click();
    await expect(admin.getByTestId("outbox-smtp-banner")).toBeVisible();
    await admin
      .getByTestId("outbox-row")
      .filter({ hasText: invited })
      .getByTestId("outbox-open-email")
      .click();
    const body = admin.getByTestId("outbox-email-dialog").getByTestId("outbox-email-body");
    const link = await body.getByRole("link", { name: /\/sign-up\?invite=/ }).getAttribute("href");
    expect(link).toContain("/sign-up?invite=");
    await expectNoA11yViolations(admin);

    const url = new URL(link!);
    await guest.goto(`${url.pathname}${url.search}`);
    await expect(guest.getByLabel("Email")).toHaveValue(invited);
    await expect(guest.getByLabel("Email")).toHaveAttribute("readonly", "");
    await guest.getByLabel("Name").fill("Invited Person");
    await guest.getByLabel("Password").fill(PASSWORD);
    await guest.getByRole("button", { name: "Create account" }).click();
    await expect(guest.getByRole("button", { name: "Account menu" })).toBeVisible();
  } finally {
    // Back to open sign-ups for every other test on this instance.
    const reset = await admin.request.put("/api/admin/sign-ups", {
      data: { policy: "OPEN", allowedDomains: [] },
    });
    expect(reset.status()).toBe(200);
    await Promise.all([adminContext.close(), guestContext.close()]);
  }
});
