import type { Browser } from "@playwright/test";
import {
  createGptViaApi,
  publishViaApi,
  setBuilderProfileViaApi,
  uniqueSuffix,
} from "../builder/helpers";
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

/** Another user, in their own browser context, reports the GPT through the API. */
async function reportAs(browser: Browser, name: string, gptId: string, reason: string) {
  const context = await newIsolatedContext(browser);
  try {
    const page = await context.newPage();
    await signUpViaApi(page, name);
    const response = await page.request.post(`/api/gpts/${gptId}/reports`, {
      data: { reason, details: `${name}: its starter links to a fake bank login page.` },
    });
    expect(response.status(), await response.text()).toBe(200);
  } finally {
    await context.close();
  }
}

const UNLIST_REASON = "Its starters link to a fake bank login page (phishing).";
const APPEAL =
  "That page is my own bank's real login; I work there and the GPT explains its online banking.";
const REPLY = "We checked the domain: it belongs to the bank. Sorry, the GPT is listed again.";

test("[MODERATION]: two reports make one row; the admin unlists with a reason; the creator sees it instead of “Public”, appeals, and the reversal lists the GPT again", async ({
  page,
  browser,
}) => {
  test.slow();
  const suffix = uniqueSuffix();
  const name = `Bank Helper ${suffix}`;

  // The creator publishes a public GPT.
  await signUpViaApi(page, `Creator ${suffix}`);
  await setBuilderProfileViaApi(page.request, `Money Studio ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name,
    description: "Explains online banking step by step.",
    conversationStarters: ["How do I set up a transfer?"],
  });
  await publishViaApi(page.request, gpt.id, { visibility: "PUBLIC" });

  // Two users report it.
  await reportAs(browser, `Reporter A ${suffix}`, gpt.id, "SPAM");
  await reportAs(browser, `Reporter B ${suffix}`, gpt.id, "MISLEADING");

  const adminContext = await newIsolatedContext(browser, {
    viewport: { width: 1280, height: 900 },
  });
  try {
    // The admin sees one row for the GPT with both reports.
    const admin = await adminContext.newPage();
    await signInViaApi(admin.request, ADMIN.email, ADMIN.password);
    await admin.goto("/admin/reports");
    const row = admin.getByTestId("report-group").filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("report-group-count")).toHaveText("2 open reports");
    await expect(row).toContainText("Spam or scam");
    await expect(row).toContainText("Misleading");
    await row.getByRole("button", { name: "Show 2 reports" }).click();
    await expect(row.getByTestId("report-item")).toHaveCount(2);
    await expect(row).toContainText(`Reporter A ${suffix}`);
    await expectNoA11yViolations(admin);
    await saveScreenshot(admin, "moderation-appeal-queue-1280");
    await expectFitsPhoneWidth(admin);
    await saveScreenshot(admin, "moderation-appeal-queue-390");
    await admin.setViewportSize({ width: 1280, height: 900 });

    // Unlisting asks for a reason the creator will read.
    await row.getByRole("button", { name: `Unlist ${name}` }).click();
    const dialog = admin.getByRole("dialog", { name: `Unlist ${name}?` });
    const reason = dialog.getByLabel("Reason for the creator");
    await reason.fill("Phishing");
    await dialog.getByRole("button", { name: "Unlist GPT" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Write at least 10 characters");
    await reason.fill(UNLIST_REASON);
    await saveScreenshot(dialog, "moderation-appeal-unlist-dialog");
    await dialog.getByRole("button", { name: "Unlist GPT" }).click();
    await expect(admin.getByText(`${name} is unlisted. 2 reports closed.`)).toBeVisible();
    await expect(row).toHaveCount(0);

    // My GPTs says "Unlisted by moderators", not "Public", with the reason in its tooltip.
    await page.goto("/gpts");
    const mine = page.getByTestId("my-gpt-row").filter({ hasText: name });
    const badge = mine.getByTestId("visibility-badge");
    await expect(badge).toHaveText("Unlisted by moderators");
    await expect(mine).not.toContainText("Public");
    await expect(mine.getByRole("link", { name: "Unlisted by moderators" })).toHaveAttribute(
      "title",
      new RegExp(UNLIST_REASON.replace(/[()]/g, "\\$&")),
    );

    // The badge opens the editor, whose panel gives the reason; the creator appeals once.
    await mine.getByRole("link", { name: "Unlisted by moderators" }).click();
    const panel = page.getByTestId("creator-moderation-panel");
    await expect(panel).toContainText(`Unlisted by moderators: ${UNLIST_REASON}`);
    await expect(panel).toContainText("People with the link can still use it.");
    await expectNoA11yViolations(page);
    await saveScreenshot(page, "moderation-appeal-editor-1280");
    await panel.getByRole("button", { name: "Appeal" }).click();
    const appeal = page.getByRole("dialog", { name: "Appeal this decision" });
    await expect(appeal).toContainText(UNLIST_REASON);
    await appeal.getByLabel("Why should the decision change?").fill(APPEAL);
    await appeal.getByRole("button", { name: "Send appeal" }).click();
    await expect(panel.getByTestId("appeal-status")).toContainText("You appealed");
    await expect(panel.getByRole("button", { name: "Appeal" })).toHaveCount(0);

    // The admin reverses the decision from the Appeals view.
    await admin.goto("/admin/reports?status=appeals");
    const card = admin.getByTestId("appeal-card").filter({ hasText: name });
    await expect(card).toContainText(UNLIST_REASON);
    await expect(card).toContainText(APPEAL);
    await expectNoA11yViolations(admin);
    await saveScreenshot(admin, "moderation-appeal-appeals-1280");
    await card.getByRole("button", { name: `Reverse the decision about ${name}` }).click();
    const reverse = admin.getByRole("dialog", { name: "Reverse the decision?" });
    await reverse.getByLabel("Reply to the creator").fill(REPLY);
    await reverse.getByRole("button", { name: "Reverse decision" }).click();
    await expect(admin.getByText(`Decision reversed: ${name}.`)).toBeVisible();
    await expect(card).toHaveCount(0);

    // Listed again: the store's search finds it, and My GPTs says "Public".
    await page.goto(`/search?q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId("gpt-card").filter({ hasText: name })).toBeVisible();
    await page.goto("/gpts");
    await expect(
      page.getByTestId("my-gpt-row").filter({ hasText: name }).getByTestId("visibility-badge"),
    ).toHaveText("Public");
  } finally {
    await adminContext.close();
  }
});
