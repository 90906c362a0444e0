import type { Page } from "@playwright/test";
import { createGptViaApi, setBuilderProfileViaApi, uniqueSuffix } from "../builder/helpers";
import {
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";

const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  const size = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/** 25 more public GPTs than the demo content, so "All GPTs" has a second page. */
test.beforeAll(async ({ browser }) => {
  const context = await newIsolatedContext(browser);
  const page = await context.newPage();
  await signUpViaApi(page, "Paging Creator");
  await setBuilderProfileViaApi(page.request, "Paging Creator");
  const suffix = uniqueSuffix();
  for (let index = 0; index < 25; index++) {
    const gpt = await createGptViaApi(page.request, {
      name: `Paging Probe ${suffix} ${index}`,
      description: "Exists so the store has more than one page.",
      instructions: "Be brief.",
    });
    const published = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
      data: { visibility: "PUBLIC" },
    });
    expect(published.status(), await published.text()).toBe(200);
  }
  await context.close();
});

test("[STORE]: a visitor browses rows, a category with sorting and pages, then finds a GPT by a misspelled search", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Explore GPTs/);
  const writingRow = page.getByRole("region", { name: "Writing", exact: true });
  await expect(
    writingRow.getByTestId("gpt-card").filter({ hasText: "Writing Coach" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "New", exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await screenshot(page, "store-home");

  await writingRow.getByRole("link", { name: "See all Writing" }).click();
  await expect(page).toHaveURL(/\/categories\/writing$/);
  await expect(page.getByRole("heading", { name: "Writing", level: 1 })).toBeVisible();
  await expect(page.getByTestId("gpt-card").filter({ hasText: "Headline Studio" })).toBeVisible();
  const sort = page.getByRole("navigation", { name: "Sort by" });
  await expect(sort.getByRole("link", { name: "Trending" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await sort.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/categories\/writing\?sort=newest$/);
  await expect(sort.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "page");
  await expectNoA11yViolations(page);

  // Every category, newest first: 12 demo GPTs + 25 probes = at least two pages of 24.
  await page
    .getByRole("navigation", { name: "Categories" })
    .getByRole("link", { name: "All", exact: true })
    .click();
  await expect(page.getByRole("heading", { name: "All GPTs", level: 1 })).toBeVisible();
  await sort.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/categories\/all\?sort=newest$/);
  await expect(sort.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("gpt-card")).toHaveCount(24);
  const firstPageLinks = await page
    .getByTestId("gpt-card")
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("href")));
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await pagination.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/categories\/all\?sort=newest&page=2$/);
  await expect(page.getByRole("heading", { name: "All GPTs", level: 1 })).toBeVisible();
  await expect(pagination.getByRole("link", { name: "Page 2", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  // Page 2 goes on where page 1 stopped: other GPTs, none of page 1's (other specs publish
  // into the same store, so which GPTs land there is theirs to decide).
  await expect(page.getByTestId("gpt-card").first()).toBeVisible();
  const secondPageLinks = await page
    .getByTestId("gpt-card")
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("href")));
  expect(secondPageLinks.filter((link) => firstPageLinks.includes(link))).toEqual([]);
  await screenshot(page, "store-category");

  const headerSearch = page.getByRole("banner").getByRole("searchbox", { name: "Search GPTs" });
  await headerSearch.fill("wrting coach");
  await headerSearch.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=wrting\+coach$/);
  await expect(page.getByRole("heading", { name: "Results for “wrting coach”" })).toBeVisible();
  await expect(page.getByTestId("close-matches-note")).toContainText("Showing close matches");
  const result = page.getByTestId("gpt-card").filter({ hasText: "Writing Coach" });
  await expect(result).toBeVisible();
  await expectNoA11yViolations(page);
  await screenshot(page, "store-search");

  await result.click();
  await expect(page).toHaveURL(/\/g\/demo-writing-coach$/);
  await expect(page.getByRole("heading", { name: "Writing Coach", level: 1 })).toBeVisible();
});

test("[STORE]: search filters and the no-results state work as plain links", async ({ page }) => {
  await page.goto("/search?q=planner");
  await expect(page.getByTestId("gpt-card").filter({ hasText: "Trip Planner" })).toBeVisible();
  await expect(page.getByTestId("gpt-card").filter({ hasText: "Weekly Planner" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Filter by category" })
    .getByRole("link", { name: "Productivity" })
    .click();
  await expect(page).toHaveURL(/\/search\?q=planner&category=productivity$/);
  await expect(page.getByTestId("gpt-card")).toHaveCount(1);
  await expect(page.getByTestId("gpt-card")).toContainText("Weekly Planner");

  await page
    .getByRole("navigation", { name: "Filter by capability" })
    .getByRole("link", { name: "Uses actions" })
    .click();
  await expect(page.getByRole("heading", { name: "No GPTs match “planner”" })).toBeVisible();
  await page.getByRole("link", { name: "search without filters" }).click();
  await expect(page).toHaveURL(/\/search\?q=planner$/);
  await expectNoA11yViolations(page);

  await page.goto("/search");
  await expect(page.getByRole("heading", { name: "Search GPTs", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Browse by category" })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("[STORE]: on a phone the store, search and GPT page work at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "GPTs", level: 1 })).toBeVisible();
  const hasHorizontalScroll = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  expect(hasHorizontalScroll).toBe(false);
  await expectNoA11yViolations(page);

  await page.getByRole("banner").getByRole("link", { name: "Search GPTs" }).click();
  await expect(page).toHaveURL(/\/search$/);
  const search = page.getByRole("main").getByRole("searchbox", { name: "Search GPTs" });
  await search.fill("sql helpr");
  await search.press("Enter");
  const card = page.getByTestId("gpt-card").filter({ hasText: "SQL Helper" });
  await expect(card).toBeVisible();
  await expectNoA11yViolations(page);
  await card.click();
  await expect(page).toHaveURL(/\/g\/demo-sql-helper$/);
});
