import type { Locator, Page } from "@playwright/test";
import { createGptViaApi, echoOf, setBuilderProfileViaApi, uniqueSuffix } from "../builder/helpers";
import {
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";

const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR;
const STARTER = "Plan a weekend in Lisbon";

async function shoot(target: Page | Locator, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  await target.screenshot({
    path: `${SCREENSHOTS}/${name}.png`,
    ...("goto" in target ? { fullPage: true } : {}),
  });
}

function reviewsSection(page: Page): Locator {
  return page.getByRole("region", { name: "Ratings & reviews" });
}

test("[REVIEWS]: a user who chatted rates and reviews a GPT, edits it, the creator replies and the reviewer's bell says so; another user reports it once", async ({
  page,
  browser,
}) => {
  test.slow();
  const suffix = uniqueSuffix();
  const gptName = `Trip Planner ${suffix}`;

  // The creator publishes a GPT.
  await signUpViaApi(page, `Creator ${suffix}`);
  await setBuilderProfileViaApi(page.request, `Travel Studio ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: gptName,
    description: "Plans short trips with a budget.",
    conversationStarters: [STARTER],
  });
  const published = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "PUBLIC" },
  });
  expect(published.status(), await published.text()).toBe(200);
  const path = `/g/${gpt.slug}`;

  const reviewerContext = await newIsolatedContext(browser, {
    viewport: { width: 1280, height: 900 },
  });
  const reporterContext = await newIsolatedContext(browser, {
    viewport: { width: 1280, height: 900 },
  });
  try {
    // A reader cannot rate before chatting; after one answer from the (fake) model, they can.
    const reader = await reviewerContext.newPage();
    await signUpViaApi(reader, `Reader ${suffix}`);
    await reader.goto(path);
    await expect(reviewsSection(reader).getByTestId("review-refusal")).toHaveText(
      "Chat with this GPT before rating it.",
    );
    await expect(reviewsSection(reader).getByText("No reviews yet")).toBeVisible();
    await reader.getByRole("button", { name: STARTER }).click();
    await expect(reader.getByTestId("message-assistant")).toContainText(echoOf(STARTER));

    await reader.goto(path);
    const section = reviewsSection(reader);
    const form = section.getByRole("form", { name: "Rate this GPT" });
    await expect(form).toBeVisible();
    await form.getByRole("radio", { name: "4 stars" }).check();
    await form.getByLabel(/Review/).fill("Good itineraries, a bit long.");
    await expect(form.getByText("29 / 2,000")).toBeVisible();
    await expectNoA11yViolations(reader);
    await shoot(section, "reviews-form-1280");
    await form.getByRole("button", { name: "Submit rating" }).click();
    await expect(reader.getByText("Thanks for rating this GPT!")).toBeVisible();
    const own = section.getByTestId("own-review");
    await expect(own).toContainText("Good itineraries, a bit long.");
    await expect(section.getByTestId("rating-average")).toContainText("4.0");

    await own.getByRole("button", { name: "Edit" }).click();
    const editForm = section.getByRole("form", { name: "Edit your review" });
    await expect(editForm.getByRole("radio", { name: "4 stars" })).toBeChecked();
    await editForm.getByLabel(/Review/).fill("Good itineraries, and the budget tips are spot on.");
    await editForm.getByRole("button", { name: "Save review" }).click();
    await expect(own).toContainText("the budget tips are spot on");
    await expect(section.getByTestId("distribution-4")).toContainText("4 stars: 1 rating (100%)");
    await expect(section.getByTestId("distribution-5")).toContainText("5 stars: 0 ratings");
    await expectNoA11yViolations(reader);
    await shoot(section, "reviews-section-reader-1280");
    await reader.setViewportSize({ width: 390, height: 844 });
    await expect(section).toBeVisible();
    await shoot(section, "reviews-section-reader-390");

    // The creator replies once; the reply shows under the review.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(path);
    const creatorSection = reviewsSection(page);
    const review = creatorSection.getByTestId("review").filter({ hasText: "budget tips" });
    await expect(creatorSection.getByRole("form", { name: "Rate this GPT" })).toHaveCount(0);
    await review.getByRole("button", { name: "Reply" }).click();
    await review.getByLabel("Your public reply").fill("Thank you! Shorter days are coming.");
    await review.getByRole("button", { name: "Post reply" }).click();
    await expect(review.getByTestId("creator-reply")).toContainText("Response from the creator");
    await expect(review.getByTestId("creator-reply")).toContainText("Shorter days are coming.");
    await expect(review.getByRole("button", { name: "Reply" })).toHaveCount(0);
    await expectNoA11yViolations(page);
    await shoot(creatorSection, "reviews-section-creator-1280");

    // The reviewer is told: the bell counts it and its panel leads back to the GPT.
    await reader.setViewportSize({ width: 1280, height: 900 });
    await reader.reload();
    const bell = reader.getByRole("button", { name: "Notifications, 1 unread" });
    await bell.click();
    await expect(reader.getByTestId("notification-panel")).toContainText(
      `The creator of ${gptName} replied to your review`,
    );
    await reader.keyboard.press("Escape");

    // Another user reports the GPT; a second report while it is open is refused.
    const reporter = await reporterContext.newPage();
    await signUpViaApi(reporter, `Reporter ${suffix}`);
    await reporter.goto(path);
    await reporter.getByRole("button", { name: "Report", exact: true }).click();
    const dialog = reporter.getByRole("dialog", { name: `Report ${gptName}` });
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog.getByText("Choose a reason for your report.")).toBeVisible();
    await dialog.getByRole("radio", { name: "Impersonation or clone" }).check();
    await dialog.getByLabel("Details").fill("Copies another travel GPT word for word.");
    await expect(dialog.getByTestId("report-details-counter")).toContainText("40 / 1,000");
    await expectNoA11yViolations(reporter);
    await shoot(dialog, "report-dialog-1280");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(reporter.getByText("Thanks — an admin will review your report.")).toBeVisible();
    await expect(dialog).toBeHidden();

    await reporter.getByRole("button", { name: "Report", exact: true }).click();
    await dialog.getByRole("radio", { name: "Spam or scam" }).check();
    await dialog.getByLabel("Details").fill("Again.");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog.getByTestId("report-conflict")).toHaveText(
      "You already reported this GPT; an admin will review it.",
    );
  } finally {
    await reviewerContext.close();
    await reporterContext.close();
  }
});
