import type { APIRequestContext, Page } from "@playwright/test";
import {
  createGptViaApi,
  publishViaApi,
  setBuilderProfileViaApi,
  uniqueSuffix,
} from "../builder/helpers";
import {
  expect,
  expectFitsPhoneWidth,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";

/** Full-page screenshots for a human look, only when E2E_SCREENSHOT_DIR is set. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/creator-analytics-${name}.png`, fullPage: true });
}

/** One chat turn through the API (the stream read to its end); the answer's and chat's ids. */
async function chat(
  request: APIRequestContext,
  body: { gptId: string; conversationId?: string; text: string },
): Promise<{ conversationId: string; answerId: string }> {
  const response = await request.post("/api/chat", {
    data: { gptId: body.gptId, conversationId: body.conversationId, message: { text: body.text } },
  });
  expect(response.status()).toBe(200);
  const stream = await response.text();
  const answerId = stream.match(/"type":"start","messageId":"([^"]+)"/)?.[1];
  expect(answerId, "the stream starts with the answer's id").toBeTruthy();
  return { conversationId: response.headers()["x-conversation-id"]!, answerId: answerId! };
}

test("[ANALYTICS]: a creator sees their GPTs' usage as charts and as a table, by GPT and by range", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const creatorName = `Analyst ${suffix}`;
  await signUpViaApi(page, creatorName);
  await setBuilderProfileViaApi(page.request, creatorName);
  const used = await createGptViaApi(page.request, { name: `Used GPT ${suffix}` });
  await publishViaApi(page.request, used.id, { visibility: "LINK" });
  await createGptViaApi(page.request, { name: `Quiet GPT ${suffix}` });

  // Someone else chats twice (one conversation), gives a thumb up and four stars.
  const visitorContext = await newIsolatedContext(browser);
  try {
    const visitor = await visitorContext.newPage();
    await signUpViaApi(visitor, "Analytics Visitor");
    const first = await chat(visitor.request, { gptId: used.id, text: "Plan a weekend" });
    await chat(visitor.request, {
      gptId: used.id,
      conversationId: first.conversationId,
      text: "And a rainy one?",
    });
    // The answer's final write lands just after its last word.
    await expect(async () => {
      const thumb = await visitor.request.put(`/api/messages/${first.answerId}/feedback`, {
        data: { rating: "UP" },
      });
      expect(thumb.status()).toBe(200);
    }).toPass({ timeout: 10_000 });
    const review = await visitor.request.post(`/api/gpts/${used.id}/reviews`, {
      data: { rating: 4 },
    });
    expect(review.status(), await review.text()).toBe(200);
  } finally {
    await visitorContext.close();
  }

  // From the account menu to the dashboard: figures of all of the creator's GPTs, last 30 days.
  await page.goto("/gpts");
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Analytics" }).click();
  await expect(page).toHaveURL(/\/creator\/analytics/);
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Analytics", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("stat-answers").locator("dd").first()).toHaveText("2", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("stat-conversations").locator("dd").first()).toHaveText("1");
  await expect(page.getByTestId("stat-unique-users").locator("dd").first()).toHaveText("1");
  await expect(page.getByTestId("stat-thumbs-up").locator("dd").first()).toHaveText("100%");
  await expect(page.getByTestId("stat-average-rating").locator("dd").first()).toHaveText("4.0");

  // The charts are drawn from the data: three activity lines, a thumbs bar, a rating point.
  await expect(page.getByTestId("chart-activity").locator("path.recharts-line-curve")).toHaveCount(
    3,
  );
  await expect(
    page.getByTestId("chart-thumbs").locator(".recharts-bar-rectangle path").first(),
  ).toBeVisible();
  await expect(
    page.getByTestId("chart-rating").locator(".recharts-line-dot").first(),
  ).toBeAttached();
  await expectNoA11yViolations(page);
  await screenshot(page, "charts-1280");

  // The same figures as a table: today's row.
  await page.getByRole("tab", { name: "Table" }).click();
  const table = page.getByRole("table", { name: /Daily figures/ });
  await expect(table.getByRole("row")).toHaveCount(31); // header + 30 days
  const today = new Date().toISOString().slice(0, 10);
  const row = page.getByTestId(`analytics-row-${today}`);
  // Date, conversations, answers, users, thumbs up, thumbs down, reviews, rating, earnings.
  await expect(row.getByRole("cell")).toHaveText(["1", "2", "1", "1", "0", "1", "4.00", "$0.00"]);
  await expectNoA11yViolations(page);

  // The range tabs and the GPT filter (the choice is kept in the address).
  await page.getByRole("button", { name: "7 days" }).click();
  await expect(page.getByRole("button", { name: "7 days" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page).toHaveURL(/range=7/);
  await expect(table.getByRole("row")).toHaveCount(8);
  await page.getByLabel("GPT", { exact: true }).selectOption({ label: `Quiet GPT ${suffix}` });
  await expect(page.getByRole("heading", { name: "No conversations yet" })).toBeVisible();
  await page.getByLabel("GPT", { exact: true }).selectOption({ label: `Used GPT ${suffix}` });
  await expect(page.getByTestId("stat-answers").locator("dd").first()).toHaveText("2");
  await expect(page).toHaveURL(new RegExp(`gptId=${used.id}`));

  // The CSV behind the download link has the same day.
  const csvHref = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv.split("\r\n").find((line) => line.startsWith(today))).toBe(
    `${today},1,2,1,1,0,1,4.00,0,0,0,0.00`,
  );

  // A phone: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("tab", { name: "Charts" }).click();
  await expect(page.getByTestId("chart-activity").locator("path.recharts-line-curve")).toHaveCount(
    3,
  );
  await expectFitsPhoneWidth(page);
  await expectNoA11yViolations(page);
  await screenshot(page, "charts-390");
});
