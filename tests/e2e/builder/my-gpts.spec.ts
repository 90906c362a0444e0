import type { Page } from "@playwright/test";
import {
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";
import { createGptViaApi, echoOf, publishViaApi, uniqueSuffix } from "./helpers";

const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

function row(page: Page, name: string) {
  return page
    .getByTestId("my-gpt-row")
    .filter({ has: page.getByRole("heading", { name, exact: true }) });
}

async function openActions(page: Page, name: string) {
  await page.getByRole("button", { name: `More actions for ${name}`, exact: true }).click();
  return page.getByRole("menu");
}

test("[BUILDER]: My GPTs lists each GPT with its status; duplicate makes a private draft copy", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Lister ${suffix}`);
  const draftName = `Draft Only ${suffix}`;
  const publishedName = `Live Tutor ${suffix}`;
  await createGptViaApi(page.request, { name: draftName, description: "Not published yet." });
  const published = await createGptViaApi(page.request, {
    name: publishedName,
    description: "Published for people with the link.",
    instructions: "Be kind.",
  });
  await publishViaApi(page.request, published.id, { visibility: "LINK" });

  await page.goto("/gpts");
  await expect(page.getByRole("heading", { name: "My GPTs", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create a GPT" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeVisible();
  const live = row(page, publishedName);
  await expect(live.getByText("Published v1")).toBeVisible();
  await expect(live.getByText("Anyone with the link")).toBeVisible();
  await expect(live.getByText("0 chats")).toBeVisible();
  await expect(live.getByText("0 remixes")).toBeVisible();
  await expect(live.locator("time")).toHaveText("just now");
  await expect(live.locator("time")).toHaveAttribute("title", /\d{4}/);
  await expect(row(page, draftName).getByText("Draft", { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  const menu = await openActions(page, publishedName);
  await expect(menu.getByRole("menuitem", { name: "View" })).toHaveAttribute(
    "href",
    `/g/${published.slug}`,
  );
  await menu.getByRole("menuitem", { name: "Duplicate" }).click();
  const copy = row(page, `${publishedName} (copy)`);
  await expect(copy).toBeVisible();
  await expect(copy.getByText("Draft", { exact: true })).toBeVisible();
  await expect(copy.getByText("Only me")).toBeVisible();
  await screenshot(page, "my-gpts");

  // The copy opens in the editor with the draft's settings.
  await copy.getByRole("link", { name: `Edit ${publishedName} (copy)` }).click();
  await expect(page).toHaveURL(/\/gpts\/[^/]+\/edit$/);
  await expect(page.getByRole("textbox", { name: "Instructions", exact: true })).toHaveValue(
    "Be kind.",
  );
});

test("[BUILDER]: deleting a GPT asks first; its conversations keep their history and say it is no longer available", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Deleter ${suffix}`);
  const gptName = `Short Lived ${suffix}`;
  const gpt = await createGptViaApi(page.request, { name: gptName, instructions: "Be brief." });
  await publishViaApi(page.request, gpt.id, { visibility: "LINK" });

  // Someone with the link chats with it.
  const userContext = await newIsolatedContext(browser);
  try {
    const user = await userContext.newPage();
    await signUpViaApi(user, `Chatter ${suffix}`);
    await user.goto(`/g/${gpt.slug}`);
    await user.getByRole("textbox", { name: "Message", exact: true }).fill("Hello there");
    await user.getByRole("button", { name: "Send message" }).click();
    await expect(user.getByTestId("message-assistant").last()).toContainText(echoOf("Hello there"));
    await expect(user).toHaveURL(/\/c\/[^/]+$/);
    const conversationUrl = new URL(user.url()).pathname;

    // The owner deletes it, after a confirmation that names it and explains what happens.
    await page.goto("/gpts");
    let menu = await openActions(page, gptName);
    await menu.getByRole("menuitem", { name: "Delete" }).click();
    let dialog = page.getByRole("alertdialog");
    await expect(dialog.getByRole("heading", { name: `Delete “${gptName}”?` })).toBeVisible();
    await expect(dialog).toContainText("Existing conversations keep their history");
    await expectNoA11yViolations(page);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(row(page, gptName)).toBeVisible();

    menu = await openActions(page, gptName);
    await menu.getByRole("menuitem", { name: "Delete" }).click();
    dialog = page.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Delete GPT" }).click();
    await expect(row(page, gptName)).toHaveCount(0);
    await expect(page.getByText(`Deleted “${gptName}”`)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "You haven’t built a GPT yet" })).toBeVisible();
    await expectNoA11yViolations(page);

    // Its page is gone; the conversation keeps its history, without a composer.
    expect((await user.goto(`/g/${gpt.slug}`))?.status()).toBe(404);
    await user.goto(conversationUrl);
    await expect(user.getByTestId("message-user")).toContainText("Hello there");
    await expect(user.getByTestId("message-assistant")).toContainText(echoOf("Hello there"));
    await expect(user.getByTestId("gpt-unavailable")).toContainText(
      "This GPT is no longer available",
    );
    await expect(user.getByRole("textbox", { name: "Message", exact: true })).toHaveCount(0);
    await expect(
      user.getByTestId("conversation-list").getByRole("link", { name: "Hello there" }),
    ).toBeVisible();
    await expectNoA11yViolations(user);
    await screenshot(user, "deleted-gpt-conversation");
  } finally {
    await userContext.close();
  }
});
