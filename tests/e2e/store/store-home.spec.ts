import { expect, expectNoA11yViolations, test } from "../support/fixtures";

test("[STORE]: the home page lists published demo GPTs in rows, marked as demo, and opens a GPT page", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "GPTs", level: 1 })).toBeVisible();
  await expect(page.getByRole("search").first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Categories" })).toBeVisible();
  const writing = page.getByRole("region", { name: "Writing", exact: true });
  const card = writing.getByTestId("gpt-card").filter({ hasText: "Writing Coach" });
  await expect(card).toBeVisible();
  await expect(card.getByText("Demo", { exact: true })).toBeVisible();
  await expect(card.getByText("By Atelier Demo")).toBeVisible();
  // No fake ratings: demo content starts unrated.
  await expect(card.getByText("No ratings yet")).toBeVisible();
  await expect(writing.getByRole("link", { name: "See all Writing" })).toHaveAttribute(
    "href",
    "/categories/writing",
  );
  await expectNoA11yViolations(page);

  await card.click();
  await expect(page).toHaveURL(/\/g\/demo-writing-coach$/);
  await expect(page.getByRole("heading", { name: "Writing Coach" })).toBeVisible();
  await expect(page.getByTestId("gpt-creator")).toContainText("Atelier Demo");
  await expect(
    page.getByRole("button", { name: "Make this paragraph more concise" }),
  ).toBeVisible();
  // Signed-out visitors get the GPT and a sign-in prompt instead of the composer.
  await expect(page.getByRole("link", { name: "Sign in to chat" })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("[STORE]: the health endpoint reports the embedded database and the configured model", async ({
  request,
}) => {
  const health = await (await request.get("/api/health")).json();
  expect(health).toEqual({ status: "ok", database: "embedded", modelConfigured: true });
});
