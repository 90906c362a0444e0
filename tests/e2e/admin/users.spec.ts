import type { Locator, Page } from "@playwright/test";
import {
  ADMIN,
  expect,
  expectFitsPhoneWidth,
  expectNoA11yViolations,
  newIsolatedContext,
  saveScreenshot,
  signInViaApi,
  signUpViaApi,
  test,
} from "../support/fixtures";

/** Searches Admin → Users for `email` and returns its row in the table. */
async function findUser(page: Page, email: string): Promise<Locator> {
  const filters = page.getByRole("search", { name: "Filter users" });
  await filters.getByRole("searchbox", { name: "Search" }).fill(email);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(email).replace(/\./g, "\\.")}`));
  const rows = page.getByRole("table", { name: "Users" }).getByRole("row");
  await expect(rows).toHaveCount(2); // the header row and the match
  return rows.filter({ hasText: email });
}

test("[ADMIN]: an admin finds users, makes one a moderator and bans another with a reason, sees both in the audit log; the moderator sees only the moderation tabs", async ({
  page,
  browser,
}) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const modContext = await newIsolatedContext(browser);
  const bannedContext = await newIsolatedContext(browser);
  try {
    const modPage = await modContext.newPage();
    const moderator = await signUpViaApi(modPage, `Future Mod ${suffix}`);
    const bannedPage = await bannedContext.newPage();
    const banned = await signUpViaApi(bannedPage, `Spammer ${suffix}`);
    const reason = `Spam links in every GPT ${suffix}`;

    await signInViaApi(page.request, ADMIN.email, ADMIN.password);
    await page.goto("/admin");
    await page
      .getByRole("navigation", { name: "Admin" })
      .getByRole("link", { name: "Users" })
      .click();
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

    // Make the first user a moderator.
    const modRow = await findUser(page, moderator.email);
    await expect(modRow.getByText("User", { exact: true })).toBeVisible();
    await modRow.getByRole("button", { name: `Actions for ${moderator.email}` }).click();
    await page.getByRole("menuitem", { name: "Change role…" }).click();
    const roleDialog = page.getByRole("dialog", { name: "Change role" });
    await roleDialog.getByLabel("Role").selectOption({ label: "Moderator" });
    await roleDialog.getByRole("button", { name: "Save role" }).click();
    await expect(roleDialog).toBeHidden();
    await expect(modRow.getByText("Moderator", { exact: true })).toBeVisible();

    // Ban the second one: the reason is required.
    const bannedRow = await findUser(page, banned.email);
    await bannedRow.getByRole("button", { name: `Actions for ${banned.email}` }).click();
    await page.getByRole("menuitem", { name: "Ban…" }).click();
    const banDialog = page.getByRole("dialog", { name: "Ban this user?" });
    await banDialog.getByRole("button", { name: "Ban user" }).click();
    await expect(banDialog.getByRole("alert")).toHaveText("Say why this account is banned.");
    await banDialog.getByRole("textbox", { name: "Reason" }).fill(reason);
    await saveScreenshot(banDialog, "admin-users-ban-dialog", { fullPage: false });
    await banDialog.getByRole("button", { name: "Ban user" }).click();
    await expect(banDialog).toBeHidden();
    await expect(bannedRow.getByText("Banned", { exact: true })).toBeVisible();
    await expect(bannedRow.getByText(reason)).toBeVisible();
    expect((await bannedPage.request.get("/api/conversations")).status()).toBe(401);
    await expectNoA11yViolations(page);
    await saveScreenshot(page, "admin-users-users", { fullPage: false });
    await expectFitsPhoneWidth(page);
    await expect(page.getByRole("list", { name: "Users" }).getByText(banned.email)).toBeVisible();
    await saveScreenshot(page, "admin-users-users-phone", { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Both changes are in the audit log, in words, newest first.
    await page.goto("/admin/audit");
    const entries = page
      .getByRole("list", { name: "Audit entries, newest first" })
      .getByRole("listitem");
    await expect(entries.first()).toContainText(`banned ${banned.email} — reason: ${reason}`);
    await expect(entries.nth(1)).toContainText(
      `changed ${moderator.email}'s role from User to Moderator`,
    );
    await entries.first().getByText("Raw data").click();
    await expect(entries.first().locator("pre")).toContainText(`"reason": "${reason}"`);
    const filters = page.getByRole("search", { name: "Filter the audit log" });
    await filters.getByLabel("Action").selectOption("user.role");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/action=user\.role/);
    await expect(entries.filter({ hasText: banned.email })).toHaveCount(0);
    await expect(entries.filter({ hasText: moderator.email })).toHaveCount(1);
    await expectNoA11yViolations(page);
    await saveScreenshot(page, "admin-users-audit", { fullPage: false });
    await expectFitsPhoneWidth(page);
    await saveScreenshot(page, "admin-users-audit-phone", { fullPage: false });

    // The new moderator sees the moderation tabs only, and no Users page.
    await modPage.goto("/admin/reports");
    const nav = modPage.getByRole("navigation", { name: "Admin" });
    // (Reports may carry an open-report count.)
    await expect(nav.getByRole("link")).toHaveText([/^Reviews/, /^Reports/]);
    // A real 404 for the admin-only pages, the admin overview sends them to their queue.
    for (const path of ["/admin/users", "/admin/audit", "/admin/settings"]) {
      const response = await modPage.goto(path);
      expect(response?.status()).toBe(404);
      await expect(
        modPage.getByRole("heading", { name: "This page could not be found" }),
      ).toBeVisible();
      await expect(modPage.getByRole("table", { name: "Users" })).toHaveCount(0);
    }
    await modPage.goto("/admin");
    await expect(modPage).toHaveURL(/\/admin\/reports$/);
    expect((await modPage.request.get("/api/admin/users")).status()).toBe(403);
    expect((await modPage.request.get("/api/admin/audit")).status()).toBe(403);
  } finally {
    await modContext.close();
    await bannedContext.close();
  }
});
