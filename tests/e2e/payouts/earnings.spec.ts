import { readFile } from "node:fs/promises";
import {
  ADMIN,
  expect,
  expectFitsPhoneWidth,
  expectNoA11yViolations,
  signInViaApi,
  signUpViaApi,
  test,
} from "../support/fixtures";
import { SEEDED_URL, type Seeded, startSeededApp } from "./seeded-app";

const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

test("[EARNINGS]: a new creator sets up payouts through Stripe's hosted onboarding and comes back to active payouts", async ({
  page,
}) => {
  // How earnings are calculated: public, read from docs/revenue-share.md.
  await page.goto("/docs/revenue-share");
  await expect(
    page.getByRole("heading", { name: "How creator earnings work", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "3. A worked example" })).toBeVisible();
  await expectNoA11yViolations(page);

  await signUpViaApi(page, "Payout Starter");
  await page.goto("/gpts");
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Earnings" }).click();
  await expect(page).toHaveURL(/\/creator\/earnings$/);
  await expect(page.getByRole("heading", { name: "Earnings", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No earnings yet" })).toBeVisible();
  const account = page.getByTestId("payout-account");
  await expect(account.getByTestId("payout-account-status")).toHaveText("Not set up");
  await expect(account).toContainText("they accrue here");
  await expectNoA11yViolations(page);

  await account.getByRole("button", { name: "Set up payouts" }).click();
  // Stripe's hosted onboarding (the fake's), prefilled with Stripe's test data.
  await expect(page.getByRole("heading", { name: /partners with Stripe/ })).toBeVisible();
  await page.getByRole("button", { name: "Agree and submit" }).click();

  await expect(page.getByTestId("onboarding-result")).toContainText("Payouts are set up");
  await expect(account.getByTestId("payout-account-status")).toHaveText("Active");
  await expect(account.getByRole("button")).toHaveCount(0);
  await expect(page).toHaveURL(/\/creator\/earnings$/);
  await expectFitsPhoneWidth(page);
});

test.describe("with a closed month", () => {
  let app: Awaited<ReturnType<typeof startSeededApp>> | undefined;
  let seeded: Seeded;
  test.use({ baseURL: SEEDED_URL });
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    app = await startSeededApp();
    seeded = app.seeded;
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("[EARNINGS]: a creator opens a closed month's statement per GPT per day, downloads it as CSV, and sees the transfer that paid it", async ({
    page,
  }) => {
    const { month } = seeded;
    await signInViaApi(page.request, seeded.creatorEmail, seeded.password);
    await page.goto("/creator/earnings");
    await expect(page.getByTestId("payout-account-status")).toHaveText("Active");
    // Ana's $20 less Stripe's $0.88, half to creators: $9.56 over 20 answers, 15 of them Chef's.
    const row = page.getByTestId(`month-row-${month}`);
    await expect(row.getByRole("cell")).toHaveText([
      "15",
      "1",
      "$7.17",
      "$0.00",
      "$0.00",
      "$7.17",
      /\w+ \d+, \d{4}/,
      /^Paid /,
    ]);
    await expect(page.getByTestId("payout-row")).toHaveCount(1);
    await expect(page.getByTestId("payout-row")).toContainText("$7.17");
    await expect(page.getByTestId("payout-row")).toContainText("Paid");
    await expect(page.getByTestId("balance-available").locator("dd").first()).toHaveText("$0.00");
    await expect(
      page.getByTestId("earnings-chart").locator(".recharts-bar-rectangle").first(),
    ).toBeAttached();
    await expectNoA11yViolations(page);

    await row.getByRole("link", { name: monthName(month) }).click();
    await expect(
      page.getByRole("heading", { name: `${monthName(month)} statement`, level: 1 }),
    ).toBeVisible();
    const lines = page.getByTestId("statement-line");
    await expect(lines).toHaveCount(2);
    await expect(lines.nth(0).getByRole("cell")).toHaveText([/10, /, "Chef", "10", "1", "$4.78"]);
    await expect(lines.nth(1).getByRole("cell")).toHaveText([/11, /, "Chef", "5", "1", "$2.39"]);
    await expect(page.getByTestId("lines-total")).toHaveText("$7.17");
    await expectNoA11yViolations(page);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`atelier-statement-${month}.csv`);
    const csv = await readFile(await file.path(), "utf8");
    expect(csv).toMatch(new RegExp(`^${month}-10,[^,]+,"Chef",10,1,4\\.780000,no$`, "m"));
    expect(csv).toMatch(/^total,,,15,1,7\.170000,$/m);
    await expectFitsPhoneWidth(page);
  });

  test("[EARNINGS]: an admin sees the closed month, its payout and its hold, and releases the hold with a note", async ({
    page,
  }) => {
    const { month } = seeded;
    await signInViaApi(page.request, ADMIN.email, ADMIN.password);
    await page.goto("/admin");
    await page
      .getByRole("navigation", { name: "Admin" })
      .getByRole("link", { name: "Earnings" })
      .click();
    await expect(page.getByRole("heading", { name: "Earnings", level: 1 })).toBeVisible();

    const period = page.getByTestId(`period-${month}`);
    // Net revenue, pool (of which the share), allocated, held.
    const cells = period.getByRole("cell");
    await expect(cells.nth(0)).toHaveText("$19.12");
    await expect(cells.nth(1)).toContainText("$9.56");
    await expect(cells.nth(1)).toContainText("50 % share");
    await expect(cells.nth(2)).toHaveText("$7.17");
    await expect(cells.nth(3)).toHaveText("$2.39");
    await period.getByRole("button", { name: monthName(month) }).click();
    const dialog = page.getByRole("dialog", { name: monthName(month) });
    await expect(dialog.getByRole("row", { name: /Cleo Creator \$7\.17/ })).toBeVisible();
    await page.keyboard.press("Escape");

    await expect(page.getByTestId("admin-payout-row")).toContainText(
      /Cleo Creator.*\$7\.17.*Paid.*tr_/,
    );
    await page.getByRole("button", { name: "Run payouts now" }).click();
    await expect(page.getByTestId("payout-summary")).toContainText("0 paid");

    const hold = page.getByRole("row", { name: /Moe Moderated/ });
    await expect(hold).toContainText("GPT removed by moderators");
    await expect(hold).toContainText("$2.39");
    await expect(hold).toContainText("“Removed Helper” was removed by moderators");
    await expectNoA11yViolations(page);

    await hold.getByRole("button", { name: /^Release/ }).click();
    const confirm = page.getByRole("alertdialog", { name: "Release this hold?" });
    await confirm.getByLabel("Note (optional)").fill("Reinstated after appeal.");
    await confirm.getByRole("button", { name: "Release hold" }).click();
    await expect(page.getByText("Hold released.")).toBeVisible();
    await expect(hold).toContainText("Released");
    await expect(hold).toContainText("Reinstated after appeal.");
    // Moe has no payout account: the released $2.39 waits for one.
    await expect(page.getByTestId("earnings-stat-owed-without-account")).toContainText("$2.39");
    await expectFitsPhoneWidth(page);
  });
});
