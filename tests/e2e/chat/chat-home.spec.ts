import type { Locator, Page } from "@playwright/test";
import {
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";

const COACH = { path: "/g/demo-writing-coach", name: "Writing Coach" };
const SQL = { path: "/g/demo-sql-helper", name: "SQL Helper" };

async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  await target.screenshot({ path: `${dir}/chat-home-${name}.png` });
}

/** Opens a GPT, sends a message and waits for the whole answer; the page ends on /c/<id>. */
async function chat(page: Page, path: string, text: string): Promise<void> {
  await page.goto(path);
  await sendInThread(page, text);
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
}

async function sendInThread(page: Page, text: string): Promise<void> {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send message" }).click();
  const answer = page.getByTestId("message-assistant").last();
  await expect(answer).toContainText(text);
  await expect(answer).toHaveAttribute("data-status", "COMPLETE");
}

function sidebarOf(page: Page): Locator {
  return page.getByRole("navigation", { name: "Conversations" });
}

test("[CHAT]: the chat home welcomes a new user, the sidebar groups and searches conversations, and a GPT kept in the sidebar shows up there and on the home", async ({
  page,
}) => {
  await signUpViaApi(page, "Home Owner");
  await page.goto("/chat");
  await expect(page.getByRole("heading", { name: "No chats yet" })).toBeVisible();
  await expect(sidebarOf(page)).toContainText("No conversations yet.");
  await expectNoA11yViolations(page);

  await chat(page, COACH.path, "Tighten my essay about tidal energy");
  await chat(page, SQL.path, "Count orders per customer last month");

  const sidebar = sidebarOf(page);
  const list = sidebar.getByTestId("conversation-list");
  const today = list.getByRole("region", { name: "Today" });
  await expect(today.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(today.getByRole("link")).toHaveCount(2);
  // Newest first.
  await expect(today.getByRole("link").first()).toContainText("Count orders per customer");

  const search = sidebar.getByRole("searchbox", { name: "Search chats" });
  await search.fill("TIDAL");
  await expect(list.getByRole("link")).toHaveCount(1);
  await expect(list.getByRole("link")).toContainText("Tighten my essay about tidal energy");
  await search.fill("no such chat");
  await expect(sidebar.getByText("No chats match “no such chat”.")).toBeVisible();
  await sidebar.getByRole("button", { name: "Clear search" }).click();
  await expect(list.getByRole("link")).toHaveCount(2);

  // Keep in sidebar from the GPT's page; it appears at the top of the sidebar at once.
  await page.goto(SQL.path);
  await page.getByRole("button", { name: "Keep in sidebar" }).click();
  await expect(page.getByRole("button", { name: "Remove from sidebar" })).toBeVisible();
  const pinned = sidebar.getByTestId("pinned-gpts");
  await expect(pinned.getByRole("link", { name: SQL.name })).toHaveAttribute("href", SQL.path);

  // And from a conversation's menu.
  await list.getByRole("button", { name: /^Options for Tighten my essay/ }).click();
  await page.getByRole("menuitem", { name: `Keep ${COACH.name} in sidebar` }).click();
  await expect(pinned.getByRole("link", { name: COACH.name })).toBeVisible();

  await page.reload();
  // Oldest pin first.
  await expect(pinned.getByRole("link")).toHaveCount(2);
  await expect(pinned.getByRole("link").nth(0)).toHaveAccessibleName(SQL.name);
  await expect(pinned.getByRole("link").nth(1)).toHaveAccessibleName(COACH.name);

  await page.goto("/chat");
  const kept = page.getByRole("region", { name: "Kept in sidebar" });
  await expect(kept.getByRole("link", { name: SQL.name })).toHaveAttribute("href", SQL.path);
  await expect(kept.getByRole("link", { name: COACH.name })).toBeVisible();
  await expect(page.getByRole("link", { name: "Explore the GPT Store" })).toBeVisible();
  await expectNoA11yViolations(page);
  await screenshot(page, "desktop-home");

  await pinned.getByRole("button", { name: `Hide ${SQL.name} from sidebar` }).click();
  await expect(pinned.getByRole("link", { name: SQL.name })).toHaveCount(0);
  await page.reload();
  await expect(pinned.getByRole("link")).toHaveCount(1);
  await expect(pinned.getByRole("link")).toHaveAccessibleName(COACH.name);
});

test("[CHAT]: a shared conversation opens signed out without later messages, updates under the same link, and 404s once revoked", async ({
  page,
  browser,
}) => {
  await signUpViaApi(page, "Sharer");
  await chat(page, COACH.path, "First message that is shared");
  const conversationUrl = page.url();

  await page.getByTestId("share-conversation").click();
  const dialog = page.getByRole("dialog", { name: /^Share/ });
  await expect(dialog).toContainText("Messages you send after creating the link are not included");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const urlInput = dialog.getByRole("textbox", { name: "Share link" });
  await expect(urlInput).toHaveValue(/\/share\/[\w-]+$/);
  const shareUrl = await urlInput.inputValue();
  await expectNoA11yViolations(page);
  await screenshot(dialog, "share-dialog");
  await page.keyboard.press("Escape");

  const visitor = await newIsolatedContext(browser);
  try {
    const anon = await visitor.newPage();
    const response = await anon.goto(shareUrl);
    expect(response?.status()).toBe(200);
    await expect(
      anon.getByText(`Shared conversation with ${COACH.name}`, { exact: false }),
    ).toBeVisible();
    await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    const thread = anon.getByTestId("shared-messages");
    await expect(thread.getByTestId("message-user")).toHaveText(["First message that is shared"]);
    await expect(thread.getByTestId("message-assistant")).toHaveCount(1);
    await expect(anon.getByRole("link", { name: `Chat with ${COACH.name}` })).toHaveAttribute(
      "href",
      COACH.path,
    );
    await expectNoA11yViolations(anon);
    await screenshot(anon, "shared-desktop");

    // A later message is not in the shared copy...
    await sendInThread(page, "Second message after sharing");
    await anon.reload();
    await expect(thread.getByTestId("message-user")).toHaveText(["First message that is shared"]);
    await expect(anon.getByText("Second message after sharing")).toHaveCount(0);

    // ...until the owner updates the link (from the sidebar menu this time): same URL.
    await sidebarOf(page)
      .getByRole("button", { name: /^Options for First message that is shared/ })
      .click();
    await page.getByRole("menuitem", { name: "Share" }).click();
    const again = page.getByRole("dialog", { name: /^Share/ });
    await expect(again.getByRole("textbox", { name: "Share link" })).toHaveValue(shareUrl);
    await again.getByRole("button", { name: "Update link" }).click();
    await expect(again).toContainText("Shows 4 messages");
    await anon.reload();
    await expect(thread.getByTestId("message-user")).toHaveText([
      "First message that is shared",
      "Second message after sharing",
    ]);

    // Settings lists the link.
    await again.press("Escape");
    await page.goto("/settings/shared-links");
    const links = page.getByRole("list", { name: "Shared links" });
    await expect(
      links.getByRole("link", { name: "First message that is shared", exact: true }),
    ).toHaveAttribute("href", new URL(conversationUrl).pathname);
    await expectNoA11yViolations(page);

    // Revoke from the dialog: the link 404s.
    await page.goto(conversationUrl);
    await page.getByTestId("share-conversation").click();
    const last = page.getByRole("dialog", { name: /^Share/ });
    await last.getByRole("button", { name: "Revoke link" }).click();
    await last.getByRole("button", { name: "Revoke link" }).click();
    await expect(last.getByRole("button", { name: "Create link" })).toBeVisible();
    expect((await anon.goto(shareUrl))?.status()).toBe(404);

    await page.goto("/settings/shared-links");
    await expect(page.getByRole("heading", { name: "No shared links" })).toBeVisible();
  } finally {
    await visitor.close();
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[CHAT]: the sidebar sheet shows pinned GPTs, search and date groups; the share dialog and the shared page fit 390 px", async ({
    page,
    browser,
  }) => {
    await signUpViaApi(page, "Phone Sharer");
    await chat(page, COACH.path, "Plans for a phone-sized share");
    await page.goto(SQL.path);
    await page.getByRole("button", { name: "Keep in sidebar" }).click();
    await expect(page.getByRole("button", { name: "Remove from sidebar" })).toBeVisible();

    await page.goto("/chat");
    await expectNoA11yViolations(page);
    await screenshot(page, "phone-home");
    await page.getByRole("button", { name: "Show conversations" }).click();
    const sheet = page.getByRole("dialog", { name: "Conversations" });
    await expect(
      sheet.getByTestId("pinned-gpts").getByRole("link", { name: SQL.name }),
    ).toBeVisible();
    await expect(sheet.getByRole("heading", { name: "Today" })).toBeVisible();
    await sheet.getByRole("searchbox", { name: "Search chats" }).fill("phone-sized");
    const entry = sheet.getByRole("link", { name: /Plans for a phone-sized share/ });
    await expect(entry).toBeVisible();
    await expectNoA11yViolations(page);
    await screenshot(page, "phone-sidebar");
    await entry.click();
    await expect(sheet).toBeHidden();
    await screenshot(page, "phone-conversation");

    await page.getByTestId("share-conversation").click();
    const dialog = page.getByRole("dialog", { name: /^Share/ });
    await dialog.getByRole("button", { name: "Create link" }).click();
    const shareUrl = await dialog.getByRole("textbox", { name: "Share link" }).inputValue();
    expect(shareUrl).toMatch(/\/share\//);
    await expectNoA11yViolations(page);
    await screenshot(page, "phone-share-dialog");

    const visitor = await newIsolatedContext(browser, { viewport: { width: 390, height: 844 } });
    try {
      const anon = await visitor.newPage();
      await anon.goto(shareUrl);
      await expect(anon.getByTestId("message-user")).toHaveText(["Plans for a phone-sized share"]);
      const overflow = await anon.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, "horizontal overflow in px at 390 wide").toBeLessThanOrEqual(0);
      await expectNoA11yViolations(anon);
      await screenshot(anon, "phone-shared");
    } finally {
      await visitor.close();
    }
  });
});
