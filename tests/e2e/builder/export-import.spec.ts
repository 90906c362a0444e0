import { readFile } from "node:fs/promises";
import type { Download, Locator, Page, TestInfo } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import {
  expect,
  expectNoA11yViolations,
  signUpViaApi,
  test,
  waitForAnimationsToSettle,
} from "../support/fixtures";
import { createGptViaApi, getGptViaApi, nameInput, openEditor, uniqueSuffix } from "./helpers";

async function openExportDialog(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Export…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /^Export/ })).toBeVisible();
  return dialog;
}

async function openImportDialog(page: Page): Promise<Locator> {
  await page.goto("/gpts");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Import a GPT" })).toBeVisible();
  return dialog;
}

async function downloadFrom(dialog: Locator): Promise<Download> {
  const downloading = dialog.page().waitForEvent("download");
  await dialog.getByRole("link", { name: "Download" }).click();
  return downloading;
}

/** Picks a file through the dialog's "Choose a file" button, like a person would. */
async function chooseFile(
  dialog: Locator,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const choosing = dialog.page().waitForEvent("filechooser");
  await dialog.getByRole("button", { name: "Choose a file" }).click();
  await (await choosing).setFiles(file);
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Let the open animation finish, so the picture shows the dialog at rest.
  await waitForAnimationsToSettle(page);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

test("[PACKAGE]: a creator exports a GPT from the editor and imports the file as a new draft from My GPTs", async ({
  page,
}, testInfo) => {
  const suffix = uniqueSuffix();
  const name = `Trip Planner ${suffix}`;
  const instructions = `Plan trips day by day.\nAlways ask about the budget first. Marker ${suffix}.`;
  await signUpViaApi(page, "Pack Creator");
  const source = await createGptViaApi(page.request, {
    name,
    description: "Plans weekend trips.",
    instructions,
    conversationStarters: ["Plan a weekend in Lisbon"],
  });

  await openEditor(page, source.id);
  const exportDialog = await openExportDialog(page);
  const published = exportDialog.getByRole("radio", { name: "Published version" });
  await expect(published).toBeDisabled();
  await expect(exportDialog.getByText("Not published yet.", { exact: false })).toBeVisible();
  await expect(exportDialog.getByRole("radio", { name: "Draft" })).toBeChecked();
  await expect(exportDialog.getByRole("radio", { name: "JSON" })).toBeChecked();
  await expect(exportDialog.getByText(/API keys or other action credentials/)).toBeVisible();
  await expectNoA11yViolations(page);
  await screenshot(page, testInfo, "export-dialog-1280");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoA11yViolations(page);
  await screenshot(page, testInfo, "export-dialog-1280-dark");
  await page.emulateMedia({ colorScheme: "light" });

  const download = await downloadFrom(exportDialog);
  expect(download.suggestedFilename()).toBe(`${source.slug}.atelier-gpt.json`);
  const exported = await readFile((await download.path())!);
  const pkg = JSON.parse(exported.toString("utf8"));
  expect(pkg).toMatchObject({ format: "atelier.gpt", version: 1, gpt: { name, instructions } });
  await expect(exportDialog).toBeHidden();

  const importDialog = await openImportDialog(page);
  await expectNoA11yViolations(page);
  await screenshot(page, testInfo, "import-dialog-1280");
  await chooseFile(importDialog, {
    name: download.suggestedFilename(),
    mimeType: "application/json",
    buffer: exported,
  });

  await expect(page).toHaveURL(/\/gpts\/[^/]+\/edit$/);
  const importedId = page.url().match(/\/gpts\/([^/]+)\/edit$/)![1];
  expect(importedId).not.toBe(source.id);
  await expect(nameInput(page)).toHaveValue(name);
  await expect(page.getByRole("textbox", { name: "Instructions", exact: true })).toHaveValue(
    instructions,
  );
  const imported = await getGptViaApi(page.request, importedId);
  expect(imported).toMatchObject({
    name,
    instructions,
    conversationStarters: ["Plan a weekend in Lisbon"],
    visibility: "PRIVATE",
    publishedVersion: null,
  });
});

test("[PACKAGE]: the published version exports as a .zip, at phone width too", async ({
  page,
}, testInfo) => {
  await signUpViaApi(page, "Zip Creator");
  const source = await createGptViaApi(page.request, {
    name: `Published Tutor ${uniqueSuffix()}`,
    instructions: "Version one instructions.",
  });
  const publish = await page.request.post(`/api/gpts/${source.id}/publish`, {
    data: { visibility: "LINK" },
  });
  expect(publish.status(), await publish.text()).toBe(200);
  const draftSave = await page.request.patch(`/api/gpts/${source.id}`, {
    data: { name: "Renamed draft", instructions: "Draft instructions.", revision: 1 },
  });
  expect(draftSave.status(), await draftSave.text()).toBe(200);

  await page.setViewportSize({ width: 390, height: 844 });
  await openEditor(page, source.id);
  const dialog = await openExportDialog(page);
  await dialog.getByRole("radio", { name: "Published version (v1)" }).check();
  await dialog.getByRole("radio", { name: "ZIP, including knowledge files" }).check();
  await expectNoA11yViolations(page);
  await screenshot(page, testInfo, "export-dialog-390");

  const download = await downloadFrom(dialog);
  expect(download.suggestedFilename()).toBe(`${source.slug}.atelier-gpt.zip`);
  const entries = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  expect(Object.keys(entries)).toEqual(["gpt.json"]);
  const pkg = JSON.parse(strFromU8(entries["gpt.json"]));
  expect(pkg.source.versionNumber).toBe(1);
  expect(pkg.gpt.instructions).toBe("Version one instructions.");
});

test("[PACKAGE]: a broken package shows precisely what is wrong; hints that don't apply come back as notes", async ({
  page,
}, testInfo) => {
  await signUpViaApi(page, "Broken Importer");
  const myGptCount = async () => (await (await page.request.get("/api/gpts")).json()).gpts.length;
  const countBefore = await myGptCount();

  let dialog = await openImportDialog(page);
  await chooseFile(dialog, {
    name: "broken.atelier-gpt.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({
        format: "atelier.gpt",
        version: 1,
        gpt: { name: "n".repeat(51), capabilities: ["teleportation"] },
      }),
    ),
  });
  const error = dialog.getByTestId("import-error");
  await expect(error).toContainText("gpt.name: Use at most 50 characters.");
  await expect(error).toContainText('gpt.capabilities.0: Unknown capability "teleportation"');
  await expectNoA11yViolations(page);
  await screenshot(page, testInfo, "import-error-1280");

  await chooseFile(dialog, {
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from("this is not json"),
  });
  await expect(error).toContainText("Not a JSON file or a .zip package");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoA11yViolations(page);
  await screenshot(page, testInfo, "import-error-1280-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, testInfo, "import-error-390");
  await page.setViewportSize({ width: 1280, height: 720 });

  // Nothing was created by the failed attempts.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await myGptCount()).toBe(countBefore);

  dialog = await openImportDialog(page);
  await chooseFile(dialog, {
    name: "from-elsewhere.atelier-gpt.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({
        format: "atelier.gpt",
        version: 1,
        gpt: {
          name: "From elsewhere",
          category: { slug: "astrology", name: "Astrology" },
        },
      }),
    ),
  });
  await expect(dialog.getByRole("heading", { name: "Imported with notes" })).toBeVisible();
  await expect(dialog.getByTestId("import-warnings")).toContainText('Category "astrology"');
  await expectNoA11yViolations(page);
  await screenshot(page, testInfo, "import-warnings-1280");
  await dialog.getByRole("button", { name: "Open the draft" }).click();
  await expect(page).toHaveURL(/\/gpts\/[^/]+\/edit$/);
  await expect(nameInput(page)).toHaveValue("From elsewhere");
});
