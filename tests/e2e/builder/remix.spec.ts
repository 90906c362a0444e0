import type { Locator, Page } from "@playwright/test";
import {
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";
import {
  createGptViaApi,
  expectSaved,
  getGptViaApi,
  openEditor,
  publishInEditor,
  publishViaApi,
  uniqueSuffix,
  updateDraftViaApi,
} from "./helpers";

const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** The summary of the GPT page's "View settings" disclosure. */
function viewSettingsToggle(page: Page): Locator {
  return page.locator("summary", { hasText: "View settings" });
}

test("[BUILDER]: another user views the settings of a GPT whose owner allows remixing, remixes it, and gets an editable copy credited to the original", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const gptName = `Haiku Coach ${suffix}`;
  const instructions = `Answer in haiku only. Marker ${suffix}.`;
  await signUpViaApi(page, `Remix Owner ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: gptName,
    description: "Turns any topic into a haiku.",
    instructions,
    conversationStarters: ["A haiku about rain"],
  });

  // The owner opts in and publishes.
  await openEditor(page, gpt.id);
  await page.getByRole("button", { name: "Advanced settings" }).click();
  await page.getByRole("switch", { name: "Allow others to view settings and remix" }).click();
  await expectSaved(page);
  await publishInEditor(page, "Anyone with the link");

  const visitorContext = await newIsolatedContext(browser);
  try {
    const visitor = await visitorContext.newPage();
    await signUpViaApi(visitor, `Remixer ${suffix}`);
    await visitor.goto(`/g/${gpt.slug}`);
    await expect(visitor.getByRole("heading", { name: gptName })).toBeVisible();

    // The published settings, instructions included, are one click away.
    // A native <details>: it opens whether or not the page has hydrated yet.
    const settings = visitor.getByRole("region", { name: "Published settings" });
    await expect(settings).toBeHidden();
    await viewSettingsToggle(visitor).click();
    await expect(settings.getByTestId("gpt-settings-instructions")).toHaveText(instructions);
    await expect(settings).toContainText("A haiku about rain");
    await expect(settings).toContainText("The instance’s default model");
    await expectNoA11yViolations(visitor);
    await screenshot(visitor, "gpt-page-remixable");

    await visitor.getByRole("button", { name: "Remix", exact: true }).click();
    await expect(visitor).toHaveURL(/\/gpts\/[^/]+\/edit$/);
    const remixId = new URL(visitor.url()).pathname.split("/")[2]!;
    expect(remixId).not.toBe(gpt.id);
    const remix = await getGptViaApi(visitor.request, remixId);
    expect(remix).toMatchObject({
      name: gptName,
      instructions,
      visibility: "PRIVATE",
      publishedVersion: null,
    });

    // The original counts it.
    await visitor.goto(`/g/${gpt.slug}`);
    await expect(visitor.getByTestId("remix-count")).toHaveText("1 remix");

    // The copy's editor credits the original, with a link back.
    await visitor.goto(`/gpts/${remixId}/edit`);
    const credit = visitor.getByTestId("remixed-from");
    await expect(credit).toContainText(`Remixed from ${gptName}`);
    await expect(credit.getByRole("link", { name: gptName })).toHaveAttribute(
      "href",
      `/g/${gpt.slug}`,
    );
  } finally {
    await visitorContext.close();
  }
});

test("[STORE]: a link GPT works for signed-out visitors up to chatting: page, starters, sign-in prompt, not indexed", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const gptName = `Link Helper ${suffix}`;
  await signUpViaApi(page, `Link Owner ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: gptName,
    description: `Only for people with the link (${suffix}).`,
    instructions: `SECRET-${suffix}`,
    conversationStarters: ["Plan my week"],
  });
  await publishViaApi(page.request, gpt.id, { visibility: "LINK" });

  const visitorContext = await newIsolatedContext(browser);
  try {
    const visitor = await visitorContext.newPage();
    const response = await visitor.goto(`/g/${gpt.slug}`);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByRole("heading", { name: gptName })).toBeVisible();
    await expect(visitor.getByText(`Only for people with the link (${suffix}).`)).toBeVisible();
    await expect(visitor.getByRole("button", { name: "Plan my week" })).toBeVisible();
    // Not indexed; its owner does not allow remixing, so no settings and no instructions.
    await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(viewSettingsToggle(visitor)).toHaveCount(0);
    await expect(visitor.getByRole("button", { name: /remix/i })).toHaveCount(0);
    expect(await visitor.content()).not.toContain(`SECRET-${suffix}`);
    await expect(visitor.getByRole("textbox", { name: "Message" })).toHaveCount(0);
    const signIn = visitor.getByRole("link", { name: "Sign in to chat" });
    await expect(signIn).toHaveAttribute(
      "href",
      `/sign-in?callbackUrl=${encodeURIComponent(`/g/${gpt.slug}`)}`,
    );
    await expectNoA11yViolations(visitor);
    await screenshot(visitor, "gpt-page-signed-out");

    // A starter is a way in too: sign in, and come back to the GPT.
    await visitor.getByRole("button", { name: "Plan my week" }).click();
    await expect(visitor).toHaveURL(/\/sign-in\?callbackUrl=/);

    // The rest stays signed-in only, the chat API included.
    await visitor.goto("/gpts");
    await expect(visitor).toHaveURL(/\/sign-in\?callbackUrl=%2Fgpts/);
    const chat = await visitor.request.post("/api/chat", {
      data: { gptId: gpt.id, message: { text: "Hi" } },
    });
    expect(chat.status()).toBe(401);
    const remix = await visitor.request.post(`/api/gpts/${gpt.id}/remix`);
    expect(remix.status()).toBe(401);
  } finally {
    await visitorContext.close();
  }
});

test("[STORE]: signed-out visitors of a remixable GPT are asked to sign in to remix", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Open Owner ${suffix}`);
  const gpt = await createGptViaApi(page.request, { name: `Open Book ${suffix}` });
  await updateDraftViaApi(page.request, gpt.id, { name: `Open Book ${suffix}`, allowRemix: true });
  await publishViaApi(page.request, gpt.id, { visibility: "LINK" });

  const visitorContext = await newIsolatedContext(browser);
  try {
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/g/${gpt.slug}`);
    await expect(visitor.getByRole("link", { name: "Sign in to remix" })).toHaveAttribute(
      "href",
      `/sign-in?callbackUrl=${encodeURIComponent(`/g/${gpt.slug}`)}`,
    );
    await expect(viewSettingsToggle(visitor)).toBeVisible();
  } finally {
    await visitorContext.close();
  }
});
