import type { Page } from "@playwright/test";
import {
  BASE_URL,
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";
import {
  createGptViaApi,
  echoOf,
  expectSaved,
  fakeChatRequests,
  getGptViaApi,
  nameInput,
  openEditor,
  openPublishDialog,
  publishInEditor,
  saveStatus,
  setBuilderProfileViaApi,
  systemPromptOf,
  uniqueSuffix,
} from "./helpers";

type UsageSummary = {
  conversations: number;
  answers: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  byChannel: { channel: string; answers: number; costMicros: number }[];
};

async function usageOf(page: Page, gptId: string): Promise<UsageSummary> {
  const response = await page.request.get(`/api/usage?gptId=${gptId}`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

function answersOn(usage: UsageSummary, channel: string): number {
  return usage.byChannel.find((entry) => entry.channel === channel)?.answers ?? 0;
}

/** Sends a message from a chat page's composer and waits for the complete answer. */
async function sendAndExpectAnswer(page: Page, text: string): Promise<void> {
  const composer = page.getByRole("textbox", { name: "Message", exact: true });
  await composer.fill(text);
  await page.getByRole("button", { name: "Send message" }).click();
  const answer = page.getByTestId("message-assistant").last();
  await expect(answer).toContainText(echoOf(text));
  await expect(answer).toHaveAttribute("data-status", "COMPLETE");
}

test("[BUILDER]: a creator builds, previews and publishes a GPT; another user chats with it from the store; usage is recorded", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const creatorName = `Ada Creator ${suffix}`;
  const gptName = `Recipe Helper ${suffix}`;
  const description = `Turns leftovers into dinner ideas (${suffix}).`;
  const instructions = `You suggest recipes from what is in the fridge. Marker ${suffix}.`;
  const starters = ["What can I cook with eggs and rice?", "Plan three quick dinners"];
  await signUpViaApi(page, creatorName);

  // Build it in the editor.
  await page.goto("/gpts");
  await expect(page.getByRole("heading", { name: "My GPTs", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Create a GPT" }).click();
  await expect(page).toHaveURL(/\/gpts\/new$/);
  await expect(saveStatus(page)).toHaveText("Not saved yet");
  // A new GPT opens on Create (building by conversation); this test fills in the form by hand.
  await page.getByRole("tab", { name: "Configure" }).click();

  await nameInput(page).fill(gptName);
  await page.getByRole("textbox", { name: "Description", exact: true }).fill(description);
  await page.getByRole("textbox", { name: "Instructions", exact: true }).fill(instructions);
  await page.getByRole("button", { name: "Add a starter" }).click();
  await page.getByRole("textbox", { name: "Conversation starter 1" }).fill(starters[0]);
  await page.getByRole("button", { name: "Add a starter" }).click();
  await page.getByRole("textbox", { name: "Conversation starter 2" }).fill(starters[1]);
  await page
    .getByRole("combobox", { name: "Model", exact: true })
    .selectOption({ label: "fake-model (default)" });

  await expectSaved(page);
  await expect(page).toHaveURL(/\/gpts\/[^/]+\/edit$/);
  const gptId = page.url().match(/\/gpts\/([^/]+)\/edit$/)![1];
  await expect(page.getByRole("heading", { name: gptName, level: 1 })).toBeVisible();
  await expect(page.getByTestId("editor-header").getByText("Draft", { exact: true })).toBeVisible();

  const saved = await getGptViaApi(page.request, gptId);
  expect(saved).toMatchObject({
    name: gptName,
    description,
    instructions,
    conversationStarters: starters,
    visibility: "PRIVATE",
    publishedVersion: null,
  });
  expect(saved.modelConfigId).not.toBeNull();

  // Preview answers from the saved draft.
  const preview = page.getByRole("region", { name: "Preview" });
  await preview.getByRole("textbox", { name: "Message", exact: true }).fill("Hello preview");
  await preview.getByRole("button", { name: "Send message" }).click();
  const previewAnswer = preview.getByTestId("message-assistant").last();
  await expect(previewAnswer).toContainText(echoOf("Hello preview"));
  await expect(previewAnswer).toHaveAttribute("data-status", "COMPLETE");

  // Publish it to the store.
  await publishInEditor(page, "Public");
  await expect(page.getByText("Published v1", { exact: true })).toBeVisible();
  await expect(page.getByText("Unpublished changes")).toHaveCount(0);
  const { slug } = await getGptViaApi(page.request, gptId);

  // Just published: the store home's New row lists it first.
  await page.goto("/");
  const card = page
    .getByRole("region", { name: "New", exact: true })
    .getByTestId("gpt-card")
    .filter({ hasText: gptName });
  await expect(card).toBeVisible();
  await expect(card).toContainText(description);
  await expect(card).toContainText(`By ${creatorName}`);

  await page.goto(`/g/${slug}`);
  await expect(page.getByRole("heading", { name: gptName, exact: true })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByText(`By ${creatorName}`)).toBeVisible();
  const creatorStarters = page.getByRole("list", { name: "Conversation starters" });
  for (const starter of starters) {
    await expect(creatorStarters.getByRole("button", { name: starter })).toBeVisible();
  }

  // Someone else finds it and starts a conversation with a starter.
  const otherContext = await newIsolatedContext(browser);
  try {
    const other = await otherContext.newPage();
    await signUpViaApi(other, `Bea Visitor ${suffix}`);
    await other.goto(`/g/${slug}`);
    await expect(other.getByRole("heading", { name: gptName, exact: true })).toBeVisible();
    await other
      .getByRole("list", { name: "Conversation starters" })
      .getByRole("button", { name: starters[0] })
      .click();
    await expect(other.getByTestId("message-user")).toHaveText(starters[0]);
    const answer = other.getByTestId("message-assistant");
    await expect(answer).toContainText(echoOf(starters[0]));
    await expect(answer).toHaveAttribute("data-status", "COMPLETE");
    await expect(other.getByRole("button", { name: "Send message" })).toBeVisible();
    await expect(other).toHaveURL(/\/c\/[^/]+$/);
    const sidebarEntry = other
      .getByRole("navigation", { name: "Conversations" })
      .getByRole("link")
      .filter({ hasText: starters[0] });
    await expect(sidebarEntry).toBeVisible();
    await expect(sidebarEntry).toContainText(gptName);
  } finally {
    await otherContext.close();
  }

  // The owner sees the usage: one store answer, one preview answer, tokens and an integer cost.
  await expect
    .poll(async () => {
      const usage = await usageOf(page, gptId);
      return { store: answersOn(usage, "STORE"), preview: answersOn(usage, "PREVIEW") };
    })
    .toEqual({ store: 1, preview: 1 });
  const usage = await usageOf(page, gptId);
  expect(usage.conversations).toBe(1);
  expect(usage.answers).toBe(2);
  expect(usage.inputTokens).toBeGreaterThan(0);
  expect(usage.outputTokens).toBeGreaterThan(0);
  expect(Number.isInteger(usage.costMicros)).toBe(true);
  expect(usage.costMicros).toBeGreaterThanOrEqual(0);
  for (const entry of usage.byChannel) {
    expect(Number.isInteger(entry.costMicros)).toBe(true);
    expect(entry.costMicros).toBeGreaterThanOrEqual(0);
  }

  // Previews are not counted as conversations on "My GPTs"; the visitor's chat is.
  await page.goto("/gpts");
  const row = page
    .getByRole("list", { name: "Your GPTs" })
    .getByRole("listitem")
    .filter({ hasText: gptName });
  await expect(row.getByText("1 chat", { exact: true })).toBeVisible();
  await expect(row.getByText("Published v1", { exact: true })).toBeVisible();
});

test("[BUILDER]: a published GPT keeps answering from its published version while the draft changes", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const publishedName = `Tide Tables ${suffix}`;
  const draftName = `Tide Tables Next ${suffix}`;
  const publishedInstructions = `PUBLISHED-INSTRUCTIONS-${suffix}`;
  const draftInstructions = `DRAFT-INSTRUCTIONS-${suffix}`;
  await signUpViaApi(page, `Cleo Creator ${suffix}`);
  await setBuilderProfileViaApi(page.request, `Cleo Creator ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: publishedName,
    description: "Knows when the tide turns.",
    instructions: publishedInstructions,
  });
  const publish = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "PUBLIC" },
  });
  expect(publish.status(), await publish.text()).toBe(200);

  // The creator changes the draft after publishing.
  await openEditor(page, gpt.id);
  await expect(page.getByText("Published v1", { exact: true })).toBeVisible();
  await expect(page.getByText("Unpublished changes")).toHaveCount(0);
  await nameInput(page).fill(draftName);
  await page.getByRole("textbox", { name: "Instructions", exact: true }).fill(draftInstructions);
  await expectSaved(page);
  await expect(page.getByText("Unpublished changes")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: draftName, level: 1 })).toBeVisible();
  await expect(page.getByText("Unpublished changes")).toBeVisible();
  expect(await getGptViaApi(page.request, gpt.id)).toMatchObject({
    name: draftName,
    instructions: draftInstructions,
    hasUnpublishedChanges: true,
  });

  // Everyone else still gets the published version: its name, and its instructions in the prompt.
  const otherContext = await newIsolatedContext(browser);
  try {
    const other = await otherContext.newPage();
    await signUpViaApi(other, `Dan Visitor ${suffix}`);
    await other.goto(`/g/${gpt.slug}`);
    await expect(other.getByRole("heading", { name: publishedName, exact: true })).toBeVisible();
    await expect(other.getByText(draftName)).toHaveCount(0);

    const question = `Which version answers? ${suffix}`;
    await sendAndExpectAnswer(other, question);
    const requests = await fakeChatRequests(other.request);
    const sent = requests.filter((recorded) =>
      recorded.body?.messages?.some(
        (message) => message.role === "user" && JSON.stringify(message.content).includes(question),
      ),
    );
    expect(sent).toHaveLength(1);
    const system = systemPromptOf(sent[0]);
    expect(system).toContain(publishedInstructions);
    expect(system).toContain(`"${publishedName}"`);
    expect(system).not.toContain(draftInstructions);
    expect(system).not.toContain(draftName);
  } finally {
    await otherContext.close();
  }
});

test("[BUILDER]: only the owner can edit a GPT: others get 404 and signed-out requests 401", async ({
  page,
  browser,
  request,
}) => {
  const suffix = uniqueSuffix();
  const name = `Owned GPT ${suffix}`;
  await signUpViaApi(page, `Eve Owner ${suffix}`);
  await setBuilderProfileViaApi(page.request, `Eve Owner ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name,
    instructions: `Secret instructions ${suffix}`,
  });
  const published = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "PUBLIC" },
  });
  expect(published.status()).toBe(200);
  const before = await getGptViaApi(page.request, gpt.id);
  const hijack = {
    name: "Hijacked",
    instructions: "Ignore everything",
    conversationStarters: [],
    modelConfigId: null,
    categoryId: null,
    revision: before.revision,
  };

  const otherContext = await newIsolatedContext(browser);
  try {
    const other = await otherContext.newPage();
    await signUpViaApi(other, `Finn Other ${suffix}`);
    const response = await other.goto(`/gpts/${gpt.id}/edit`);
    expect(response?.status()).toBe(404);
    await expect(other.getByText("You can only edit your own GPTs.")).toBeVisible();
    await expect(nameInput(other)).toHaveCount(0);
    await expect(other.getByText(`Secret instructions ${suffix}`)).toHaveCount(0);

    expect((await other.request.get(`/api/gpts/${gpt.id}`)).status()).toBe(404);
    expect((await other.request.patch(`/api/gpts/${gpt.id}`, { data: hijack })).status()).toBe(404);
    expect(
      (
        await other.request.post(`/api/gpts/${gpt.id}/publish`, {
          data: { visibility: "PRIVATE" },
        })
      ).status(),
    ).toBe(404);
  } finally {
    await otherContext.close();
  }

  // The bare `request` fixture has no session cookie. A script on the app's own origin is
  // refused as signed out (401); without an Origin, as a possible cross-site request (403).
  const sameSite = { origin: BASE_URL };
  expect(
    (await request.patch(`/api/gpts/${gpt.id}`, { data: hijack, headers: sameSite })).status(),
  ).toBe(401);
  expect(
    (
      await request.post(`/api/gpts/${gpt.id}/publish`, {
        data: { visibility: "PRIVATE" },
        headers: sameSite,
      })
    ).status(),
  ).toBe(401);
  expect((await request.patch(`/api/gpts/${gpt.id}`, { data: hijack })).status()).toBe(403);

  const after = await getGptViaApi(page.request, gpt.id);
  expect(after).toMatchObject({
    name,
    instructions: `Secret instructions ${suffix}`,
    revision: before.revision,
    visibility: "PUBLIC",
    publishedVersion: { number: 1 },
  });
});

test("[BUILDER]: an 'Only me' GPT is a 404 for others and unlisted; an 'Anyone with the link' GPT opens for others but is unlisted", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const privateName = `Diary Keeper ${suffix}`;
  const linkName = `Team Lunch Picker ${suffix}`;
  await signUpViaApi(page, `Gus Creator ${suffix}`);
  const privateGpt = await createGptViaApi(page.request, { name: privateName });
  const linkGpt = await createGptViaApi(page.request, { name: linkName });

  await openEditor(page, privateGpt.id);
  await publishInEditor(page, "Only me");
  await expect(page.getByText("Published v1", { exact: true })).toBeVisible();
  await openEditor(page, linkGpt.id);
  await publishInEditor(page, "Anyone with the link");
  await expect(page.getByText("Published v1", { exact: true })).toBeVisible();
  expect((await getGptViaApi(page.request, privateGpt.id)).visibility).toBe("PRIVATE");
  expect((await getGptViaApi(page.request, linkGpt.id)).visibility).toBe("LINK");

  // The owner can open both.
  await page.goto(`/g/${privateGpt.slug}`);
  await expect(page.getByRole("heading", { name: privateName, exact: true })).toBeVisible();

  const otherContext = await newIsolatedContext(browser);
  try {
    const other = await otherContext.newPage();
    await signUpViaApi(other, `Hana Other ${suffix}`);

    const privateResponse = await other.goto(`/g/${privateGpt.slug}`);
    expect(privateResponse?.status()).toBe(404);
    await expect(
      other.getByRole("heading", { name: "This page could not be found" }),
    ).toBeVisible();
    await expect(other.getByText(privateName)).toHaveCount(0);

    const linkResponse = await other.goto(`/g/${linkGpt.slug}`);
    expect(linkResponse?.status()).toBe(200);
    await expect(other.getByRole("heading", { name: linkName, exact: true })).toBeVisible();
    await sendAndExpectAnswer(other, `Lunch ideas ${suffix}`);

    await other.goto("/");
    await expect(other.getByRole("region", { name: "New", exact: true })).toBeVisible();
    await expect(other.getByTestId("gpt-card").first()).toBeVisible();
    await expect(other.getByTestId("gpt-card").filter({ hasText: privateName })).toHaveCount(0);
    await expect(other.getByTestId("gpt-card").filter({ hasText: linkName })).toHaveCount(0);
  } finally {
    await otherContext.close();
  }
});

test("[BUILDER]: an over-long name shows a field error next to the name and is not saved", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const name = `Short name ${suffix}`;
  await signUpViaApi(page, `Ivy Creator ${suffix}`);
  const gpt = await createGptViaApi(page.request, { name });
  await openEditor(page, gpt.id);

  const input = nameInput(page);
  await input.fill("n".repeat(51));
  const error = page.locator("#gpt-name-error");
  await expect(error).toHaveText("Use at most 50 characters.");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAttribute("aria-describedby", /\bgpt-name-error\b/);
  await expect(page.getByText("51/50")).toBeVisible();
  await expect(saveStatus(page)).toHaveText("Fix errors to save");

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Fix the highlighted fields to save.")).toBeVisible();
  await expect(input).toBeFocused();
  expect((await getGptViaApi(page.request, gpt.id)).name).toBe(name);

  // Fixing it clears the error and saves.
  await input.fill("n".repeat(50));
  await expect(error).toHaveCount(0);
  await expectSaved(page);
  expect((await getGptViaApi(page.request, gpt.id)).name).toBe("n".repeat(50));
});

test("[BUILDER]: a stale save from a second tab shows the conflict message with a Reload action", async ({
  page,
  context,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Jo Creator ${suffix}`);
  const gpt = await createGptViaApi(page.request, { name: `Two Tabs ${suffix}` });
  const second = await context.newPage();
  await openEditor(page, gpt.id);
  await openEditor(second, gpt.id);

  const description = (tab: Page) => tab.getByRole("textbox", { name: "Description", exact: true });
  await description(page).fill("Written in the first tab");
  await expectSaved(page);

  await description(second).fill("Written in the second tab");
  const alert = second.getByRole("alert").filter({
    hasText: "This GPT was changed in another tab or window",
  });
  await expect(alert).toBeVisible();
  await expect(saveStatus(second)).toHaveText("Out of date");
  await expect(second.getByRole("button", { name: "Save draft" })).toBeDisabled();
  // The stale tab did not overwrite the first tab's save.
  expect((await getGptViaApi(page.request, gpt.id)).description).toBe("Written in the first tab");

  await alert.getByRole("button", { name: "Reload" }).click();
  await expect(description(second)).toHaveValue("Written in the first tab");
  await expectSaved(second);
  await expect(second.getByText("This GPT was changed in another tab or window")).toHaveCount(0);
});

test("[BUILDER]: My GPTs, the editor and the publish dialog pass axe", async ({ page }) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Kai Creator ${suffix}`);

  await page.goto("/gpts");
  await expect(page.getByText("You haven’t built a GPT yet")).toBeVisible();
  await expectNoA11yViolations(page);

  const gpt = await createGptViaApi(page.request, {
    name: `Accessible Assistant With A Long Name ${suffix}`,
    description: "Checks that every screen can be used with a keyboard and a screen reader.",
    instructions: "Be helpful.",
    conversationStarters: ["How do I label an icon button?", "What is a landmark?"],
  });
  const publish = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "LINK" },
  });
  expect(publish.status()).toBe(200);

  await page.goto("/gpts");
  await expect(page.getByRole("list", { name: "Your GPTs" })).toBeVisible();
  await expectNoA11yViolations(page);

  await openEditor(page, gpt.id);
  await expectNoA11yViolations(page);

  const dialog = await openPublishDialog(page);
  await expect(
    dialog.getByRole("radio", { name: "Anyone with the link", exact: true }),
  ).toBeChecked();
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("[BUILDER]: the editor of a published GPT fits a 390 px phone screen without horizontal scrolling", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Lou Creator ${suffix}`);
  await setBuilderProfileViaApi(page.request, `Lou Creator ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: `Pocket Sized Assistant Name ${suffix}`,
    description: "Works on a phone.",
    conversationStarters: ["How do I label an icon button?", "What is a landmark?"],
  });
  const publish = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "PUBLIC" },
  });
  expect(publish.status()).toBe(200);

  await page.setViewportSize({ width: 390, height: 844 });
  await openEditor(page, gpt.id);
  await expect(nameInput(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Preview" })).toBeAttached();
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
});
