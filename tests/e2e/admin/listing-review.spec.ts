import type { Locator, Page } from "@playwright/test";
import {
  createGptViaApi,
  expectSaved,
  openEditor,
  openPublishDialog,
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

/** Publishes the saved draft as Public from the editor; the dialog must say it waits for review. */
async function publishPublicInReview(page: Page, version: number): Promise<void> {
  const dialog = await openPublishDialog(page);
  await dialog.getByRole("radio", { name: "Public", exact: true }).check();
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog.getByRole("heading", { name: `Published v${version}` })).toBeVisible();
  await expect(dialog).toContainText("Waiting for review");
  await expect(dialog.getByTestId("listing-review-note")).toContainText(
    "A moderator reviews public listings on this store",
  );
  await saveScreenshot(dialog, `listing-review-publish-dialog-v${version}`, { fullPage: false });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

function reviewCard(page: Page, gptName: string): Locator {
  return page.getByTestId("review-card").filter({ hasText: gptName });
}

test("[LISTING REVIEW]: with every public listing reviewed, a creator's listing waits; the admin rejects it with a reason the creator sees, the creator republishes, the admin approves and the store finds it", async ({
  page,
  browser,
}) => {
  await signInViaApi(page.request, ADMIN.email, ADMIN.password);
  const original = await (await page.request.get("/api/admin/moderation-settings")).json();
  const creatorContext = await newIsolatedContext(browser);
  try {
    // The admin asks for every public listing to be reviewed.
    await page.goto("/admin/settings");
    const settings = page.getByRole("region", { name: "Store moderation" });
    await settings.getByRole("radio", { name: /Review every public listing/ }).check();
    await expect(settings.getByLabel("Protected names")).toHaveValue(/OpenAI/);
    await settings.getByRole("button", { name: "Save store moderation" }).click();
    await expect(page.getByText("Store moderation settings saved.")).toBeVisible();

    // A creator publishes a GPT as Public and is told right away that it waits for review.
    const creator = await creatorContext.newPage();
    await signUpViaApi(creator, "Rhea Reviewed");
    await setBuilderProfileViaApi(creator.request, "Rhea Reviewed");
    const name = `Harbour Knots ${uniqueSuffix()}`;
    const gpt = await createGptViaApi(creator.request, {
      name,
      description: "Teaches sailing knots step by step.",
      instructions: "Explain one knot at a time.",
      conversationStarters: ["How do I tie a bowline?"],
    });
    await openEditor(creator, gpt.id);
    await publishPublicInReview(creator, 1);

    // The admin finds it in Reviews and rejects it; a reason is required.
    await page.goto("/admin/reviews");
    const card = reviewCard(page, name);
    await expect(card).toBeVisible();
    await expect(card).toContainText("reviewed because of the review policy");
    await expect(card).toContainText("How do I tie a bowline?");
    await expectNoA11yViolations(page);
    await saveScreenshot(page, "listing-review-queue", { fullPage: false });
    await card.getByRole("button", { name: `Reject ${name}` }).click();
    const rejectDialog = page.getByRole("dialog");
    const reason = rejectDialog.getByLabel(/Reason/);
    await reason.fill("Too short");
    await rejectDialog.getByRole("button", { name: "Reject listing" }).click();
    await expect(reason).toHaveAccessibleDescription(/at least 10 characters/);
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    const why = "Say which knots it covers in the description, so people know what they get.";
    await reason.fill(why);
    await expectNoA11yViolations(page);
    await saveScreenshot(rejectDialog, "listing-review-reject-dialog", { fullPage: false });
    await rejectDialog.getByRole("button", { name: "Reject listing" }).click();
    await expect(page.getByText(`${name} was rejected. Its creator was told why.`)).toBeVisible();
    await expect(card).toHaveCount(0);
    await page.getByRole("link", { name: "Decided" }).click();
    await expect(reviewCard(page, name)).toContainText(why);

    // The creator sees the rejection and its reason under the bell.
    await creator.goto(`/gpts/${gpt.id}/edit`);
    await creator.getByTestId("notification-bell").click();
    const panel = creator.getByTestId("notification-panel");
    await expect(panel).toContainText(`“${name}” was not approved for the store`);
    await expect(panel).toContainText(why);
    await saveScreenshot(panel, "listing-review-creator-bell", { fullPage: false });
    await creator.keyboard.press("Escape");

    // The creator improves the description and publishes again: resubmitted.
    const description = creator.getByRole("textbox", { name: "Description", exact: true });
    await description.fill("Teaches the bowline, the cleat hitch and the reef knot, step by step.");
    await expectSaved(creator);
    await publishPublicInReview(creator, 2);

    // The admin approves the new version; the store's search lists it.
    await page.goto("/admin/reviews");
    const again = reviewCard(page, name);
    await expect(again).toContainText("version 2");
    await expectFitsPhoneWidth(page);
    await saveScreenshot(page, "listing-review-queue-phone", { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
    await again.getByRole("button", { name: `Approve ${name}` }).click();
    const approveDialog = page.getByRole("dialog");
    await approveDialog
      .getByLabel(/Note for the creator/)
      .fill("Thanks for the clearer description.");
    await approveDialog.getByRole("button", { name: "Approve listing" }).click();
    await expect(page.getByText(`${name} is listed in the store.`)).toBeVisible();

    await creator.goto(`/search?q=${encodeURIComponent(name)}`);
    await expect(creator.getByTestId("gpt-card").filter({ hasText: name })).toBeVisible();
  } finally {
    // The e2e database is shared by the run: later tests publish public GPTs and expect them listed.
    await page.request.put("/api/admin/moderation-settings", { data: original });
    await creatorContext.close();
  }
});
