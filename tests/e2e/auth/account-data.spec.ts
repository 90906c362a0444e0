import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { createGptViaApi } from "../builder/helpers";
import {
  expect,
  expectFitsPhoneWidth,
  expectNoA11yViolations,
  signUpViaApi,
  test,
  waitForAnimationsToSettle,
} from "../support/fixtures";

test("[ACCOUNTS]: a user downloads their data as a zip, then deletes their account from Settings → Your data and cannot sign in again", async ({
  page,
}, testInfo) => {
  const { email, password } = await signUpViaApi(page, "Data Owner");
  const gptName = `Data GPT ${Date.now()}`;
  await createGptViaApi(page.request, {
    name: gptName,
    description: "Mine to take away.",
    instructions: "Answer briefly.",
    conversationStarters: ["Hi"],
  });

  await page.goto("/settings/data");
  await expect(page.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Download your data" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delete account" })).toBeVisible();
  await expect(page.getByText("as the law requires for accounting")).toBeVisible();
  await expectNoA11yViolations(page);

  // Download: the browser saves a dated zip whose JSON holds this account and its GPT.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download your data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^atelier-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  expect(JSON.parse(strFromU8(files["profile.json"])).account.email).toBe(email);
  expect(JSON.parse(strFromU8(files["gpts.json"]))[0].draft.config.name).toBe(gptName);
  await expect(page.getByRole("button", { name: "Download your data" })).toBeEnabled();

  await page.screenshot({ path: testInfo.outputPath("your-data.png"), fullPage: true });
  await expectFitsPhoneWidth(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Delete: a wrong password is refused in the dialog; the right one deletes and signs out.
  await page.getByRole("button", { name: "Delete account…" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("heading", { name: "Delete your account?" })).toBeVisible();
  await dialog.getByLabel("Password").fill("not the password");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByText("That is not your current password.")).toBeVisible();
  await waitForAnimationsToSettle(page);
  await page.screenshot({ path: testInfo.outputPath("delete-dialog.png") });
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByRole("button", { name: "Delete my account" }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Your account has been deleted.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);

  // The old email and password no longer sign in.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);
});
