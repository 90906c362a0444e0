import type { Page } from "@playwright/test";
import sharp from "sharp";
import {
  ADMIN,
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signInViaApi,
  signUpViaApi,
  test,
} from "../support/fixtures";
import {
  createGptViaApi,
  echoOf,
  expectSaved,
  FAKE_OPENAI_URL,
  fakeChatRequests,
  nameInput,
  openEditor,
  saveStatus,
  setBuilderProfileViaApi,
  uniqueSuffix,
} from "./helpers";

type DraftPayload = {
  conversationStarters: string[];
  capabilities: string[];
  temperature: number | null;
  allowRemix: boolean;
  allowKnowledgeRemix: boolean;
  avatarKey: string | null;
  avatarColor: string | null;
  modelConfigId: string | null;
};

async function draftOf(page: Page, id: string): Promise<DraftPayload> {
  const response = await page.request.get(`/api/gpts/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).gpt;
}

function starterValues(page: Page): Promise<string[]> {
  return page
    .getByRole("group", { name: "Conversation starters" })
    .getByRole("textbox")
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

async function openAdvanced(page: Page): Promise<void> {
  const toggle = page.getByRole("button", { name: "Advanced settings" });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
}

test("[BUILDER]: Configure shows each field's error next to it, caps starters at four and reorders them by keyboard", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const name = `Field Checker ${suffix}`;
  await signUpViaApi(page, `Fay Fields ${suffix}`);
  const gpt = await createGptViaApi(page.request, { name });
  await openEditor(page, gpt.id);

  // An empty name: the error sits under the field and describes it; nothing is saved.
  await nameInput(page).fill("");
  await expect(page.locator("#gpt-name-error")).toHaveText("Give your GPT a name.");
  await expect(nameInput(page)).toHaveAttribute("aria-invalid", "true");
  await expect(nameInput(page)).toHaveAccessibleDescription(/Give your GPT a name\./);
  await expect(saveStatus(page)).toHaveAttribute("data-state", "invalid");
  await nameInput(page).fill(name);
  await expect(page.locator("#gpt-name-error")).toHaveCount(0);

  // Instructions over 8,000 characters: a red counter and the error next to the field.
  const instructions = page.getByRole("textbox", { name: "Instructions", exact: true });
  await instructions.fill("x".repeat(8001));
  await expect(page.locator("#gpt-instructions-error")).toHaveText("Use at most 8,000 characters.");
  await expect(instructions).toHaveAccessibleDescription(/8,001\/8,000 characters/);
  await expect(saveStatus(page)).toHaveAttribute("data-state", "invalid");

  // The larger editor edits the same text.
  await page.getByRole("button", { name: "Expand the instructions editor" }).click();
  const dialog = page.getByRole("dialog", { name: "Instructions" });
  const expanded = dialog.getByRole("textbox", { name: "Instructions" });
  await expect(expanded).toHaveValue("x".repeat(8001));
  await expanded.fill(`You check fields carefully. ${suffix}`);
  await expect(dialog.getByText(/^\d+\/8,000/)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(instructions).toHaveValue(`You check fields carefully. ${suffix}`);
  await expect(page.locator("#gpt-instructions-error")).toHaveCount(0);

  // Four starters at most: the add button turns off at four.
  const add = page.getByRole("button", { name: "Add a starter" });
  for (const [index, text] of ["Alpha", "Bravo", "Charlie", "Delta"].entries()) {
    await add.click();
    const input = page.getByRole("textbox", { name: `Conversation starter ${index + 1}` });
    await expect(input).toBeFocused();
    await input.fill(text);
  }
  await expect(add).toBeDisabled();
  await expect(page.getByText("That’s the maximum. Remove one to add another.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Conversation starter 5" })).toHaveCount(0);
  await expectSaved(page);

  // Reorder with the keyboard only: focus follows the moved starter.
  await page.getByRole("button", { name: "Move conversation starter 1 down" }).focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("button", { name: "Move conversation starter 2 down" }),
  ).toBeFocused();
  await page.keyboard.press("Space");
  await expect(
    page.getByRole("button", { name: "Move conversation starter 3 down" }),
  ).toBeFocused();
  expect(await starterValues(page)).toEqual(["Bravo", "Charlie", "Alpha", "Delta"]);
  await expect(page.getByText("Alpha moved to position 3 of 4.")).toBeAttached();
  // At the bottom, focus moves to the button that still works.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Move conversation starter 4 up" })).toBeFocused();
  expect(await starterValues(page)).toEqual(["Bravo", "Charlie", "Delta", "Alpha"]);

  // Or with the drag handle.
  const rows = page.getByTestId("starter-row");
  await rows.nth(3).getByTestId("starter-drag-handle").dragTo(rows.nth(0));
  expect(await starterValues(page)).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
  await page.getByRole("button", { name: "Move conversation starter 4 up" }).click();
  await expectSaved(page);
  expect((await draftOf(page, gpt.id)).conversationStarters).toEqual([
    "Alpha",
    "Bravo",
    "Delta",
    "Charlie",
  ]);

  // The saved order is what the preview offers.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("list", { name: "Conversation starters" })).toHaveText(
    /Alpha.*Bravo.*Delta.*Charlie/,
  );
  await expectNoA11yViolations(page);
});

test("[BUILDER]: capabilities, temperature and remix settings save; unavailable capabilities are disabled with the reason", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Cal Capable ${suffix}`);
  const gpt = await createGptViaApi(page.request, { name: `Capable ${suffix}` });
  await openEditor(page, gpt.id);

  const knowledge = page.getByRole("switch", { name: "Knowledge retrieval" });
  await expect(knowledge).toBeEnabled();
  await knowledge.click();
  await expect(knowledge).toBeChecked();
  const browsing = page.getByRole("switch", { name: "Web browsing" });
  await expect(browsing).toBeDisabled();
  await expect(browsing).toHaveAccessibleDescription(
    /This instance has no web search provider configured\./,
  );
  await expect(page.getByRole("switch", { name: "Image generation" })).toHaveAccessibleDescription(
    /No image generation model is configured on this instance\./,
  );
  await expect(page.getByRole("switch", { name: "Code interpreter" })).toBeDisabled();
  await expectSaved(page);
  expect((await draftOf(page, gpt.id)).capabilities).toEqual(["knowledge"]);

  // A request that skips the UI is refused by the server with the same field.
  const forced = await page.request.patch(`/api/gpts/${gpt.id}`, {
    data: {
      name: `Capable ${suffix}`,
      capabilities: ["knowledge", "web_browsing"],
      revision: (await (await page.request.get(`/api/gpts/${gpt.id}`)).json()).gpt.revision,
    },
  });
  expect(forced.status()).toBe(400);
  expect((await forced.json()).error.fieldErrors).toEqual({
    capabilities: ["Web browsing is not available on this instance."],
  });
  await page.reload();
  await expectSaved(page);

  // Temperature: "model default" until switched off, then slider and number box.
  await openAdvanced(page);
  const slider = page.getByRole("slider", { name: "Temperature" });
  const value = page.getByRole("spinbutton", { name: "Temperature value" });
  await expect(slider).toBeDisabled();
  await page.getByRole("switch", { name: /Use the model.s default/ }).click();
  await expect(slider).toBeEnabled();
  await expect(value).toHaveValue("1");
  await value.fill("3");
  await expect(page.locator("#gpt-temperature-error")).toHaveText(
    "Use a temperature between 0 and 2.",
  );
  await expect(saveStatus(page)).toHaveAttribute("data-state", "invalid");
  await value.fill("0.4");
  await expect(page.locator("#gpt-temperature-error")).toHaveCount(0);
  await expect(slider).toHaveValue("0.4");

  // Remix permissions; the knowledge one needs remixing on.
  const remix = page.getByRole("switch", { name: "Allow others to view settings and remix" });
  const knowledgeRemix = page.getByRole("switch", { name: "Include knowledge files in remixes" });
  await expect(remix).toHaveAccessibleDescription(/take effect as soon as they are saved/);
  await expect(knowledgeRemix).toBeDisabled();
  await remix.click();
  await knowledgeRemix.click();
  await expect(knowledgeRemix).toBeChecked();
  await expectSaved(page);
  expect(await draftOf(page, gpt.id)).toMatchObject({
    temperature: 0.4,
    allowRemix: true,
    allowKnowledgeRemix: true,
  });
  await expectNoA11yViolations(page);

  // The preview answers with that temperature.
  await page.request.post(`${FAKE_OPENAI_URL}/__control/reset`);
  const preview = page.getByRole("region", { name: "Preview" });
  const question = `Temperature check ${suffix}`;
  await preview.getByRole("textbox", { name: "Message", exact: true }).fill(question);
  await preview.getByRole("button", { name: "Send message" }).click();
  await expect(preview.getByTestId("message-assistant").last()).toContainText(echoOf(question));
  const sent = (await fakeChatRequests(page.request)).filter((recorded) =>
    JSON.stringify(recorded.body).includes(question),
  );
  expect(sent).toHaveLength(1);
  expect((sent[0].body as { temperature?: number }).temperature).toBe(0.4);

  // Switching remixing off also withdraws the knowledge files.
  await remix.click();
  await expect(knowledgeRemix).not.toBeChecked();
  await expectSaved(page);
  expect(await draftOf(page, gpt.id)).toMatchObject({
    allowRemix: false,
    allowKnowledgeRemix: false,
  });
});

test("[BUILDER]: an uploaded picture shows in the editor and, once published, on the store card and GPT page", async ({
  page,
}, testInfo) => {
  const suffix = uniqueSuffix();
  const name = `Pictured ${suffix}`;
  const creator = `Pia Picture ${suffix}`;
  await signUpViaApi(page, creator);
  await setBuilderProfileViaApi(page.request, creator);
  const gpt = await createGptViaApi(page.request, {
    name,
    description: `Has a face (${suffix}).`,
  });
  await openEditor(page, gpt.id);
  const fileInput = page.locator("#gpt-avatar-file");

  // Text renamed to .png is refused, with the reason under the field.
  await fileInput.setInputFiles({
    name: "not-really.png",
    mimeType: "image/png",
    buffer: Buffer.from("I am a text file pretending to be a picture."),
  });
  await expect(page.locator("#gpt-avatar-error")).toHaveText(
    "This file is not a PNG, JPEG, WebP or GIF image (its content was checked, not its name).",
  );
  expect((await draftOf(page, gpt.id)).avatarKey).toBeNull();
  await page.screenshot({ path: testInfo.outputPath("avatar-refused.png") });

  // A colour for the initials, picked from the swatches.
  await page.getByRole("radio", { name: "Teal", exact: true }).check();
  await expectSaved(page);
  expect((await draftOf(page, gpt.id)).avatarColor).toBe("#0f766e");

  // A real picture: uploaded, shown in the editor header and the preview.
  const png = await sharp({
    create: { width: 640, height: 480, channels: 3, background: "#e11d48" },
  })
    .png()
    .toBuffer();
  // Dropped onto the field, as a creator would drag it from their desktop.
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], "face.png", { type: "image/png" }));
    return transfer;
  }, Array.from(png));
  await page.getByTestId("avatar-dropzone").dispatchEvent("drop", { dataTransfer });
  await expect(page.locator("#gpt-avatar-error")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Replace picture" })).toBeVisible();
  const editorImage = page.getByRole("img", { name, exact: true }).first();
  await expect(editorImage).toHaveAttribute("src", /^\/api\/files\/avatars\/[a-z0-9]+\/.+\.webp$/);
  await expectSaved(page);
  const { avatarKey } = await draftOf(page, gpt.id);
  expect(avatarKey).toMatch(/^avatars\/[a-z0-9]+\/[A-Za-z0-9_-]+\.webp$/);
  const served = await page.request.get(`/api/files/${avatarKey}`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["cache-control"]).toContain("immutable");
  await page.screenshot({ path: testInfo.outputPath("avatar-uploaded.png") });
  await expectNoA11yViolations(page);

  // Published: the store card and the GPT page show the published picture.
  const publish = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "PUBLIC" },
  });
  expect(publish.status(), await publish.text()).toBe(200);
  await page.goto("/");
  const card = page.getByTestId("gpt-card").filter({ hasText: name });
  await expect(card).toBeVisible();
  await expect(card.getByRole("img", { name })).toHaveAttribute("src", `/api/files/${avatarKey}`);
  await card.click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name }).first()).toHaveAttribute(
    "src",
    `/api/files/${avatarKey}`,
  );

  // Removing the picture in the draft leaves the published one in the store until republished.
  await openEditor(page, gpt.id);
  await page.getByRole("button", { name: "Remove picture" }).click();
  await expect(page.getByRole("button", { name: "Upload picture" })).toBeVisible();
  await expectSaved(page);
  expect((await draftOf(page, gpt.id)).avatarKey).toBeNull();
  await page.goto("/");
  await expect(
    page.getByTestId("gpt-card").filter({ hasText: name }).getByRole("img", { name }),
  ).toHaveAttribute("src", `/api/files/${avatarKey}`);
});

test("[BUILDER]: when an administrator disables a GPT's model, the editor says the default model answers meanwhile", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const modelName = `Retired model ${suffix}`;
  const adminContext = await newIsolatedContext(browser);
  let gptId: string;
  try {
    const admin = await adminContext.newPage();
    await signInViaApi(admin.request, ADMIN.email, ADMIN.password);
    const created = await admin.request.post("/api/admin/models", {
      data: {
        displayName: modelName,
        baseUrl: `${FAKE_OPENAI_URL}/v1`,
        modelId: "fake-model-mini",
        apiKey: "sk-e2e",
        inputPricePerMillion: 1,
        outputPricePerMillion: 1,
        contextWindow: 8192,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { model } = await created.json();

    await signUpViaApi(page, `Mo Model ${suffix}`);
    const gpt = await createGptViaApi(page.request, {
      name: `Model fan ${suffix}`,
      modelConfigId: model.id,
    });
    gptId = gpt.id;
    await openEditor(page, gpt.id);
    await expect(page.getByTestId("model-fallback-warning")).toHaveCount(0);

    const disabled = await admin.request.patch(`/api/admin/models/${model.id}`, {
      data: { isEnabled: false },
    });
    expect(disabled.status(), await disabled.text()).toBe(200);
  } finally {
    await adminContext.close();
  }

  await openEditor(page, gptId);
  const warning = page.getByTestId("model-fallback-warning");
  await expect(warning).toHaveText(
    `${modelName} was disabled by an administrator; this GPT uses the default model fake-model until you pick another.`,
  );
  const modelSelect = page.getByRole("combobox", { name: "Model", exact: true });
  await expect(modelSelect).toHaveAccessibleDescription(/was disabled by an administrator/);
  await expect(modelSelect.locator("option:checked")).toHaveText(`${modelName} (disabled)`);

  // The preview still answers (on the default model).
  const preview = page.getByRole("region", { name: "Preview" });
  await preview.getByRole("textbox", { name: "Message", exact: true }).fill("Still working?");
  await preview.getByRole("button", { name: "Send message" }).click();
  await expect(preview.getByTestId("message-assistant").last()).toContainText(
    echoOf("Still working?"),
  );

  // Picking another model clears the warning.
  await modelSelect.selectOption({ label: "fake-model (default)" });
  await expect(warning).toHaveCount(0);
  await expectSaved(page);
});

test("[BUILDER]: the Configure form at desktop and phone widths", async ({ page }, testInfo) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Sam Screens ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: `Screenshot ${suffix}`,
    description: "A GPT that poses for screenshots.",
    instructions: "Be photogenic.",
    conversationStarters: ["Say cheese", "Strike a pose"],
  });
  // The desktop form scrolls inside its pane: a tall window shows all of it at once.
  const sizes = [
    { name: "1280", width: 1280, height: 900 },
    { name: "1280-full", width: 1280, height: 2300 },
    { name: "390", width: 390, height: 844 },
  ];
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openEditor(page, gpt.id);
    await openAdvanced(page);
    await page.getByRole("switch", { name: /Use the model.s default/ }).click();
    await page.screenshot({
      path: testInfo.outputPath(`configure-${size.name}.png`),
      fullPage: size.width === 390,
    });
    await expectNoA11yViolations(page);
    await page.getByRole("switch", { name: /Use the model.s default/ }).click();
    await expectSaved(page);
  }
});
