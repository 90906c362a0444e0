import type { Locator, Page } from "@playwright/test";
import {
  createGptViaApi,
  echoOf,
  fakeChatRequests,
  publishViaApi,
  setBuilderProfileViaApi,
  systemPromptOf,
  uniqueSuffix,
} from "../builder/helpers";
import {
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";

async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  await target.screenshot({ path: `${dir}/mention-feedback-${name}.png` });
}

async function lastSystemPrompt(page: Page): Promise<string> {
  const requests = await fakeChatRequests(page.request);
  return systemPromptOf(requests.at(-1)!);
}

test("[CHAT]: @mentioning another GPT answers one reply with its name and picture, the next goes back; a thumbs down with a note reaches the creator", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const alphaName = `Alpha Guide ${suffix}`;
  const bravoName = `Bravo Critic ${suffix}`;
  const creatorContext = await newIsolatedContext(browser);
  const creator = await creatorContext.newPage();
  await signUpViaApi(creator, "Mention Creator");
  await setBuilderProfileViaApi(creator.request, "Mention Creator");
  const alpha = await createGptViaApi(creator.request, {
    name: alphaName,
    description: "Guides you step by step",
    instructions: `ALPHA-INSTRUCTIONS-${suffix}`,
  });
  const bravo = await createGptViaApi(creator.request, {
    name: bravoName,
    description: "Critiques your ideas",
    instructions: `BRAVO-INSTRUCTIONS-${suffix}`,
  });
  await publishViaApi(creator.request, alpha.id, { visibility: "PUBLIC" });
  await publishViaApi(creator.request, bravo.id, { visibility: "PUBLIC" });

  await signUpViaApi(page, "Mention User");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/g/${alpha.slug}`);
  const composer = page.getByRole("textbox", { name: "Message", exact: true });
  const answers = page.getByTestId("message-assistant");
  await composer.fill("Hello Alpha");
  await composer.press("Enter");
  await expect(answers).toHaveCount(1);
  await expect(answers.first()).toHaveAttribute("data-status", "COMPLETE");
  await expect(page).toHaveURL(/\/c\/[^/]+$/);

  // "@" opens the list; typing filters it; the keyboard picks.
  await composer.pressSequentially("@");
  await expect(page.getByTestId("mention-popover")).toBeVisible();
  await composer.pressSequentially(suffix);
  const list = page.getByRole("listbox");
  const option = list.getByRole("option", { name: new RegExp(bravoName) });
  await expect(option).toBeVisible();
  // The conversation's own GPT is not offered.
  await expect(list.getByRole("option", { name: new RegExp(alphaName) })).toHaveCount(0);
  await composer.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(composer).toHaveAttribute("aria-activedescendant", /.+/);
  await screenshot(page, "popover-1280");
  await expectNoA11yViolations(page);
  await composer.press("Enter");
  await expect(list).toBeHidden();
  const chip = page.getByTestId("mention-chip");
  await expect(chip).toContainText(`Replying: ${bravoName}`);
  await expect(composer).toHaveValue("");

  await composer.fill("What do you think?");
  await composer.press("Enter");
  await expect(chip).toBeHidden();
  await expect(answers).toHaveCount(2);
  const bravoReply = answers.nth(1);
  await expect(bravoReply).toHaveAttribute("data-status", "COMPLETE");
  await expect(bravoReply).toHaveAttribute("data-answered-by", bravoName);
  await expect(bravoReply.getByTestId("answered-by")).toHaveText(bravoName);
  await expect(bravoReply.getByRole("img", { name: bravoName })).toBeVisible();
  await expect(bravoReply).toContainText(echoOf("What do you think?"));
  await expect(page.getByTestId("message-mention")).toContainText(bravoName);
  expect(await lastSystemPrompt(page)).toContain(`BRAVO-INSTRUCTIONS-${suffix}`);

  await composer.fill("And you, Alpha?");
  await composer.press("Enter");
  await expect(answers).toHaveCount(3);
  await expect(answers.nth(2)).toHaveAttribute("data-status", "COMPLETE");
  await expect(answers.nth(2)).not.toHaveAttribute("data-answered-by", /.*/);
  expect(await lastSystemPrompt(page)).toContain(`ALPHA-INSTRUCTIONS-${suffix}`);

  // Thumbs down with a note on Bravo's reply.
  const thumbsDown = bravoReply.getByRole("button", { name: "Bad response" });
  await expect(thumbsDown).toHaveAttribute("aria-pressed", "false");
  await thumbsDown.click();
  await expect(thumbsDown).toHaveAttribute("aria-pressed", "true");
  const note = bravoReply.getByLabel("Tell the creator what was good or bad — only they see it");
  await note.fill("Too harsh on my idea");
  await screenshot(page, "feedback-comment-1280");
  await bravoReply.getByRole("button", { name: "Send to creator" }).click();
  await expect(bravoReply.getByText("Too harsh on my idea")).toBeVisible();
  await expect(note).toBeHidden();
  await expectNoA11yViolations(page);

  await page.reload();
  const reloaded = page.getByTestId("message-assistant").nth(1);
  await expect(reloaded).toHaveAttribute("data-answered-by", bravoName);
  await expect(reloaded.getByRole("button", { name: "Bad response" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(reloaded.getByText("Too harsh on my idea")).toBeVisible();
  await expect(page.getByTestId("message-mention")).toContainText(bravoName);
  await screenshot(page, "thread-1280");

  // Phone width: the thread and the list still fit; Escape closes the list.
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "thread-390");
  const phoneComposer = page.getByRole("textbox", { name: "Message", exact: true });
  await phoneComposer.pressSequentially(`@${suffix}`);
  await expect(page.getByRole("option", { name: new RegExp(bravoName) })).toBeVisible();
  await screenshot(page, "popover-390");
  await expectNoA11yViolations(page);
  await phoneComposer.press("Escape");
  await expect(page.getByRole("listbox")).toBeHidden();
  await expect(phoneComposer).toHaveValue(`@${suffix}`);

  // The creator reads it in Bravo's Feedback dialog (never who sent it).
  await creator.setViewportSize({ width: 1280, height: 800 });
  await creator.goto(`/gpts/${bravo.id}/edit`);
  await creator.getByRole("button", { name: "More actions" }).click();
  await creator.getByRole("menuitem", { name: "Feedback" }).click();
  const dialog = creator.getByRole("dialog", { name: `Feedback on ${bravoName}` });
  await expect(dialog.getByTestId("feedback-item")).toHaveCount(1);
  await expect(dialog.getByTestId("feedback-item")).toContainText("Too harsh on my idea");
  await expect(dialog.getByTestId("feedback-item")).toContainText("Bad response");
  await expect(dialog.getByRole("button", { name: /Bad\s*1/ })).toBeVisible();
  await expect(dialog).not.toContainText("Mention User");
  await screenshot(creator, "creator-dialog-1280");
  await expectNoA11yViolations(creator);
  await creator.setViewportSize({ width: 390, height: 844 });
  await screenshot(creator, "creator-dialog-390");
  await creatorContext.close();
});
