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
  nameInput,
  openEditor,
  openPublishDialog,
  publishViaApi,
  uniqueSuffix,
  updateDraftViaApi,
} from "./helpers";

/** Screenshots land in the test's output folder (looked at by hand at both widths). */
function screenshotPath(name: string): string {
  return test.info().outputPath(name);
}

function instructionsInput(page: Page): Locator {
  return page.getByRole("textbox", { name: "Instructions", exact: true });
}

/** Publishes the saved draft from the editor's dialog (visibility left as it is). */
async function publishFromDialog(page: Page, releaseNote?: string): Promise<void> {
  const dialog = await openPublishDialog(page);
  if (releaseNote) {
    await dialog.getByRole("textbox", { name: "Release note (optional)" }).fill(releaseNote);
  }
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog.getByRole("heading", { name: /^Published v\d+$/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

async function openVersions(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Versions", exact: true }).click();
  const dialog = page.getByTestId("versions-dialog");
  await expect(dialog.getByRole("heading", { name: "Version history" })).toBeVisible();
  return dialog;
}

async function storeCard(page: Page, name: string): Promise<Locator> {
  await page.goto("/");
  return page.getByRole("region", { name: "New", exact: true }).getByTestId("gpt-card").filter({
    hasText: name,
  });
}

test("[VERSIONS]: publish v1 from the editor, edit the draft while the store keeps v1, then publish v2 for everyone", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const creator = `Vera Versions ${suffix}`;
  const v1Name = `Tide Tables ${suffix}`;
  const v2Name = `Tide Tables Pro ${suffix}`;
  await signUpViaApi(page, creator);
  const gpt = await createGptViaApi(page.request, {
    name: v1Name,
    description: "Knows when the tide turns.",
    instructions: `Be brief.\nAnswer in metres ${suffix}.`,
  });

  // v1, public: the creator name is asked for in place, prefilled with the account name.
  await openEditor(page, gpt.id);
  const publishDialog = await openPublishDialog(page);
  await publishDialog.getByRole("radio", { name: "Public", exact: true }).check();
  const displayName = publishDialog.getByRole("textbox", { name: "Creator display name" });
  await expect(displayName).toHaveValue(creator);
  await publishDialog.getByRole("textbox", { name: "Release note (optional)" }).fill("First tides");
  await publishDialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(publishDialog.getByRole("heading", { name: "Published v1" })).toBeVisible();
  await publishDialog.getByRole("button", { name: "Done" }).click();
  await expect(publishDialog).toBeHidden();
  await expect(page.getByText("Published v1", { exact: true })).toBeVisible();

  const card = await storeCard(page, v1Name);
  await expect(card).toBeVisible();
  await expect(card).toContainText(creator);

  // Edit the draft: the store and the GPT page keep showing v1.
  await openEditor(page, gpt.id);
  await nameInput(page).fill(v2Name);
  await instructionsInput(page).fill(`Be brief.\nAnswer in feet ${suffix}.`);
  await expectSaved(page);
  await expect(page.getByText("Unpublished changes")).toBeVisible();
  await expect(await storeCard(page, v1Name)).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "New", exact: true })
      .getByTestId("gpt-card")
      .filter({ hasText: v2Name }),
  ).toHaveCount(0);
  await page.goto(`/g/${gpt.slug}`);
  await expect(page.getByRole("heading", { name: v1Name, exact: true })).toBeVisible();

  // Publish again: v2 is what everyone sees.
  await openEditor(page, gpt.id);
  await publishFromDialog(page, "Feet instead of metres");
  await expect(page.getByText("Published v2", { exact: true })).toBeVisible();
  await expect(page.getByText("Unpublished changes")).toHaveCount(0);
  await page.goto(`/g/${gpt.slug}`);
  await expect(page.getByRole("heading", { name: v2Name, exact: true })).toBeVisible();
});

test("[VERSIONS]: the history lists versions with their notes, compares v1 with the draft, restores v1 and publishes it as v3", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const v1Name = `Tide Tables ${suffix}`;
  const v2Name = `Tide Tables Pro ${suffix}`;
  const v1Instructions = `Be brief.\nAnswer in metres ${suffix}.\nCite the harbour.`;
  const v2Instructions = `Be brief.\nAnswer in feet ${suffix}.\nCite the harbour.`;
  await signUpViaApi(page, `Vera Versions ${suffix}`);
  const description = "Knows when the tide turns.";
  const gpt = await createGptViaApi(page.request, {
    name: v1Name,
    description,
    instructions: v1Instructions,
  });
  // Publishing from the editor is the test above; here v1 and v2 are seeded through the API.
  await publishViaApi(page.request, gpt.id, { visibility: "LINK", releaseNote: "First tides" });
  await updateDraftViaApi(page.request, gpt.id, {
    name: v2Name,
    description,
    instructions: v2Instructions,
  });
  await publishViaApi(page.request, gpt.id, {
    visibility: "LINK",
    releaseNote: "Feet instead of metres",
  });

  // The history lists both, newest first, with release notes and the live one marked.
  await openEditor(page, gpt.id);
  const versions = await openVersions(page);
  const items = versions.getByTestId("version-item");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("Version 2");
  await expect(items.nth(0)).toContainText("Live");
  await expect(items.nth(0)).toContainText("Feet instead of metres");
  await expect(items.nth(1)).toContainText("Version 1");
  await expect(items.nth(1)).toContainText("First tides");
  await expect(items.nth(1)).not.toContainText("Live");

  // Version 1 read-only, then its diff against the draft (which is v2).
  await items.nth(1).click();
  await expect(items.nth(1)).toHaveAttribute("aria-current", "true");
  const config = versions.getByTestId("version-config");
  await expect(config).toContainText(v1Name);
  await expect(config).toContainText(`Answer in metres ${suffix}.`);
  await versions.getByRole("tab", { name: /Compare with draft/ }).click();
  const instructionsDiff = versions.getByTestId("diff-instructions");
  await expect(instructionsDiff.locator('[data-kind="removed"]')).toHaveText([
    `−Only in this version: Answer in metres ${suffix}.`,
  ]);
  await expect(instructionsDiff.locator('[data-kind="added"]')).toHaveText([
    `+Added in draft: Answer in feet ${suffix}.`,
  ]);
  await expect(versions.getByTestId("diff-name")).toContainText(v1Name);
  await expect(versions.getByTestId("diff-name")).toContainText(v2Name);

  await screenshotVersionsDialog(page, versions);
  await expectNoA11yViolations(page);

  // Restore v1 into the draft.
  await versions.getByRole("button", { name: "Restore to draft" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(
    confirm.getByRole("heading", { name: "Restore version 1 to your draft?" }),
  ).toBeVisible();
  await confirm.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("Version 1 restored to your draft")).toBeVisible();
  await expect(versions.getByTestId("diff-empty")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(versions).toBeHidden();

  await expect(nameInput(page)).toHaveValue(v1Name);
  await expect(instructionsInput(page)).toHaveValue(v1Instructions);
  await expect(page.getByText("Unpublished changes")).toBeVisible();
  await expectSaved(page);
  // The GPT page still shows v2 until the next publish.
  const restoredDraft = await getGptViaApi(page.request, gpt.id);
  expect(restoredDraft).toMatchObject({ name: v1Name, instructions: v1Instructions });
  await page.goto(`/g/${gpt.slug}`);
  await expect(page.getByRole("heading", { name: v2Name, exact: true })).toBeVisible();

  // Publishing the restored draft makes v3, identical to v1.
  await openEditor(page, gpt.id);
  await publishFromDialog(page);
  await expect(page.getByText("Published v3", { exact: true })).toBeVisible();
  await expect(page.getByText("Unpublished changes")).toHaveCount(0);
  const [one, three] = await Promise.all(
    [1, 3].map(async (number) => {
      const response = await page.request.get(`/api/gpts/${gpt.id}/versions/${number}`);
      expect(response.status()).toBe(200);
      return (await response.json()).version.config;
    }),
  );
  expect(three).toEqual(one);
  await page.goto(`/g/${gpt.slug}`);
  await expect(page.getByRole("heading", { name: v1Name, exact: true })).toBeVisible();
});

/** Screenshots of the versions dialog at desktop and phone widths (looked at by hand). */
async function screenshotVersionsDialog(page: Page, versions: Locator): Promise<void> {
  await page.screenshot({ path: screenshotPath("versions-dialog-1280.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(versions.getByTestId("diff-instructions")).toBeVisible();
  await page.screenshot({ path: screenshotPath("versions-dialog-390-diff.png") });
  const scrollWidth = await versions.evaluate((element) => element.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  await versions.getByRole("button", { name: "All versions" }).click();
  await expect(versions.getByTestId("version-item")).toHaveCount(2);
  await page.screenshot({ path: screenshotPath("versions-dialog-390-list.png") });
  await versions.getByTestId("version-item").nth(1).click();
  await versions.getByRole("tab", { name: /Compare with draft/ }).click();
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(versions.getByTestId("diff-instructions")).toBeVisible();
}

test("[VERSIONS]: unpublishing makes the GPT's page a 404 for others and keeps its versions", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Uma Unpublish ${suffix}`);
  const name = `Fleeting Assistant ${suffix}`;
  const gpt = await createGptViaApi(page.request, { name, instructions: "Be brief." });
  await publishViaApi(page.request, gpt.id, { visibility: "LINK" });

  const otherContext = await newIsolatedContext(browser);
  try {
    const other = await otherContext.newPage();
    await signUpViaApi(other, `Otto Other ${suffix}`);
    const before = await other.goto(`/g/${gpt.slug}`);
    expect(before?.status()).toBe(200);
    await expect(other.getByRole("heading", { name, exact: true })).toBeVisible();

    await openEditor(page, gpt.id);
    // The header's extra controls still fit a phone screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("button", { name: "More actions" })).toBeVisible();
    await page.screenshot({ path: screenshotPath("editor-header-390.png") });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: screenshotPath("editor-header-1280.png") });
    await page.getByRole("button", { name: "More actions" }).click();
    await expect(page.getByRole("menuitem", { name: "Export…" })).toBeVisible();
    await page.getByRole("menuitem", { name: "Unpublish…" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("Version 1 and earlier stay in your version history");
    await confirm.getByRole("button", { name: "Unpublish", exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(
      page.getByTestId("editor-header").getByText("Draft", { exact: true }),
    ).toBeVisible();
    await expect(page.getByText("Published v1", { exact: true })).toHaveCount(0);

    const after = await other.goto(`/g/${gpt.slug}`);
    expect(after?.status()).toBe(404);
    await expect(other.getByRole("heading", { name, exact: true })).toHaveCount(0);

    // The history keeps version 1 (no longer live), and publishing again makes version 2.
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Versions" }).click();
    const versions = page.getByTestId("versions-dialog");
    await expect(versions.getByTestId("version-item")).toHaveCount(1);
    await expect(versions.getByTestId("version-item")).not.toContainText("Live");
    await page.keyboard.press("Escape");
    await publishFromDialog(page);
    await expect(page.getByText("Published v2", { exact: true })).toBeVisible();
    expect((await other.goto(`/g/${gpt.slug}`))?.status()).toBe(200);
  } finally {
    await otherContext.close();
  }
});

test("[VERSIONS]: Share changes who can open the GPT at once, and asks for a creator name before Public", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const creator = `Sam Sharer ${suffix}`;
  await signUpViaApi(page, creator);
  const name = `Shared Assistant ${suffix}`;
  const gpt = await createGptViaApi(page.request, { name });
  await publishViaApi(page.request, gpt.id, { visibility: "LINK" });

  const otherContext = await newIsolatedContext(browser);
  try {
    const other = await otherContext.newPage();
    await signUpViaApi(other, `Pia Other ${suffix}`);
    expect((await other.goto(`/g/${gpt.slug}`))?.status()).toBe(200);

    await openEditor(page, gpt.id);
    await page.getByRole("button", { name: "Share", exact: true }).click();
    const share = page.getByRole("dialog");
    await expect(share.getByRole("radio", { name: "Anyone with the link" })).toBeChecked();
    await expect(share.getByText("not indexed by search engines")).toBeVisible();
    await expect(share.getByTestId("share-link")).toHaveText(new RegExp(`/g/${gpt.slug}$`));
    await expect(share.getByRole("button", { name: "Copy link" })).toBeVisible();

    await share.getByRole("radio", { name: "Only me" }).check();
    await share.getByRole("button", { name: "Save visibility" }).click();
    await expect(share.getByRole("button", { name: "Save visibility" })).toBeDisabled();
    expect((await other.goto(`/g/${gpt.slug}`))?.status()).toBe(404);

    // Public: no profile yet, so the name is asked for right here, prefilled with the account name.
    await share.getByRole("radio", { name: "Public" }).check();
    const displayName = share.getByRole("textbox", { name: "Creator display name" });
    await expect(displayName).toHaveValue(creator);
    await page.screenshot({ path: screenshotPath("share-dialog-1280.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath("share-dialog-390.png") });
    await page.setViewportSize({ width: 1280, height: 720 });
    await displayName.fill("");
    await share.getByRole("button", { name: "Save visibility" }).click();
    await expect(share.getByText("Enter the name shown on your GPTs.")).toBeVisible();
    await displayName.fill(`Captain ${suffix}`);
    await share.getByRole("button", { name: "Save visibility" }).click();
    await expect(share.getByRole("button", { name: "Save visibility" })).toBeDisabled();
    await expectNoA11yViolations(page);

    expect((await other.goto(`/g/${gpt.slug}`))?.status()).toBe(200);
    const card = await storeCard(other, name);
    await expect(card).toContainText(`Captain ${suffix}`);
    expect((await getGptViaApi(page.request, gpt.id)).visibility).toBe("PUBLIC");
  } finally {
    await otherContext.close();
  }
});

test("[VERSIONS]: closing a header dialog puts focus back on what opened it, by button or by menu", async ({
  page,
}) => {
  await signUpViaApi(page, `Fay Focus ${uniqueSuffix()}`);
  const gpt = await createGptViaApi(page.request, { name: `Focus Keeper ${uniqueSuffix()}` });
  await openEditor(page, gpt.id);

  const shareButton = page.getByRole("button", { name: "Share", exact: true });
  await shareButton.click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(shareButton).toBeFocused();

  const moreActions = page.getByRole("button", { name: "More actions" });
  await moreActions.click();
  await page.getByRole("menuitem", { name: "Export…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(moreActions).toBeFocused();
});
