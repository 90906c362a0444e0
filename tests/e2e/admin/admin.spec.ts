import type { Page } from "@playwright/test";
import {
  ADMIN,
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signInViaApi,
  signUpViaApi,
  test,
} from "../support/fixtures";

function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("[ADMIN]: an admin signs in through the form, sees Admin in the header, and the overview lists users and GPTs", async ({
  page,
}) => {
  await signInThroughForm(page, ADMIN.email, ADMIN.password);
  await expect(page).not.toHaveURL(/\/sign-in/);
  const adminLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", {
    name: "Admin",
    exact: true,
  });
  await expect(adminLink).toBeVisible();
  await adminLink.click();
  await expect(page).toHaveURL(/\/admin$/);

  const gpts = page.getByRole("table", { name: "GPTs" });
  const demoRow = gpts.getByRole("row").filter({ hasText: "Writing Coach" });
  await expect(demoRow).toBeVisible();
  await expect(demoRow.getByText("Demo", { exact: true })).toBeVisible();
  await expect(demoRow.getByRole("link", { name: "Writing Coach" })).toHaveAttribute(
    "href",
    "/g/demo-writing-coach",
  );
  await expectNoA11yViolations(page);

  // User management has its own page, linked from the overview.
  await page.getByRole("link", { name: "Manage users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const users = page.getByRole("table", { name: "Users" });
  const adminRow = users.getByRole("row").filter({ hasText: ADMIN.email });
  await expect(adminRow).toBeVisible();
  await expect(adminRow.getByText("Admin", { exact: true })).toBeVisible();
  await expect(adminRow.getByText("You", { exact: true })).toBeVisible();
});

test("[ADMIN]: a regular user gets a 404 at /admin and is refused by the admin API", async ({
  page,
}) => {
  await signUpViaApi(page, "Regular User");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page could not be found" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);

  const modelsPage = await page.goto("/admin/models");
  expect(modelsPage?.status()).toBe(404);

  const api = await page.request.get("/api/admin/models");
  expect([403, 404]).toContain(api.status());
  expect(await api.text()).not.toContain("baseUrl");
  const users = await page.request.get("/api/admin/users");
  expect([403, 404]).toContain(users.status());
});

test("[ADMIN]: an admin adds a model with an encrypted key that is never shown, then disables and enables it", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const displayName = `Fake Mini ${suffix}`;
  const apiKey = `sk-e2e-never-shown-${suffix}-${uniqueSuffix()}`;
  await signInViaApi(page.request, ADMIN.email, ADMIN.password);
  await page.goto("/admin/models");
  await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Add model" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add a model" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("textbox", { name: "Display name" }).fill(displayName);
  await dialog.getByRole("textbox", { name: "Base URL" }).fill("not a url");
  await dialog.getByRole("textbox", { name: "Model ID" }).fill("fake-model");
  await dialog.getByLabel("API key", { exact: true }).fill(apiKey);
  await dialog.getByRole("spinbutton", { name: "Input price" }).fill("0.15");
  await dialog.getByRole("spinbutton", { name: "Output price" }).fill("0.6");
  await dialog.getByRole("spinbutton", { name: "Context window" }).fill("16000");
  await dialog.getByRole("button", { name: "Add model" }).click();

  // An invalid base URL is a field error on that field; nothing is created.
  const baseUrl = dialog.getByRole("textbox", { name: "Base URL" });
  await expect(baseUrl).toHaveAttribute("aria-invalid", "true");
  const baseUrlErrorId = (await baseUrl.getAttribute("aria-describedby"))
    ?.split(" ")
    .find((id) => id.endsWith("-error"));
  expect(baseUrlErrorId).toBeTruthy();
  await expect(dialog.locator(`[id="${baseUrlErrorId}"]`)).toContainText("http(s) URL");
  await expect(baseUrl).toBeFocused();
  const modelsBefore = await page.request.get("/api/admin/models");
  expect(JSON.stringify(await modelsBefore.json())).not.toContain(displayName);

  await baseUrl.fill("http://127.0.0.1:4010/v1");
  await dialog.getByRole("button", { name: "Add model" }).click();
  await expect(dialog).toBeHidden();

  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: displayName, exact: true }) });
  await expect(card).toBeVisible();
  await expect(card.getByText("Enabled", { exact: true }).first()).toBeVisible();
  await expect(card).toContainText("http://127.0.0.1:4010/v1");
  await expect(card.getByText("fake-model", { exact: true })).toBeVisible();
  await expect(card.getByText("$0.15", { exact: true })).toBeVisible();
  await expect(card.getByText("$0.60", { exact: true })).toBeVisible();
  await expect(card.getByText("16,000 tokens", { exact: true })).toBeVisible();
  const keyIndicator = card
    .locator("dt", { hasText: "API key" })
    .locator("xpath=following-sibling::dd");
  await expect(keyIndicator).toHaveText("Set");

  // The key is never sent back: not in the page, not after a reload, not from the API.
  expect(await page.content()).not.toContain(apiKey);
  await page.reload();
  await expect(card).toBeVisible();
  expect(await page.content()).not.toContain(apiKey);
  const listed = await page.request.get("/api/admin/models");
  expect(listed.status()).toBe(200);
  const listedText = await listed.text();
  expect(listedText).not.toContain(apiKey);
  const model = (JSON.parse(listedText).models as Record<string, unknown>[]).find(
    (entry) => entry.displayName === displayName,
  );
  expect(model).toMatchObject({
    baseUrl: "http://127.0.0.1:4010/v1",
    modelId: "fake-model",
    hasApiKey: true,
    inputPricePerMillion: 150_000,
    outputPricePerMillion: 600_000,
    contextWindow: 16000,
    isEnabled: true,
  });

  // The edit dialog does not prefill the key either.
  await page.getByRole("button", { name: `Edit ${displayName}` }).click();
  const editDialog = page.getByRole("dialog", { name: `Edit ${displayName}` });
  await expect(editDialog.getByLabel("API key", { exact: true })).toHaveValue("");
  expect(await page.content()).not.toContain(apiKey);
  await editDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(editDialog).toBeHidden();

  // Disable, then enable again.
  const toggle = page.getByRole("switch", { name: `Enabled: ${displayName}` });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(card.getByText("Disabled", { exact: true })).toBeVisible();
  await expect(toggle).not.toBeChecked();
  await expect
    .poll(async () => {
      const models = (await (await page.request.get("/api/admin/models")).json()).models;
      return models.find((entry: { id: string }) => entry.id === model!.id)?.isEnabled;
    })
    .toBe(false);
  await page.reload();
  await expect(card.getByText("Disabled", { exact: true })).toBeVisible();

  await toggle.click();
  await expect(card.getByText("Enabled", { exact: true }).first()).toBeVisible();
  await expect(card.getByText("Disabled", { exact: true })).toHaveCount(0);
  await expect(toggle).toBeChecked();
  await expect
    .poll(async () => {
      const models = (await (await page.request.get("/api/admin/models")).json()).models;
      return models.find((entry: { id: string }) => entry.id === model!.id)?.isEnabled;
    })
    .toBe(true);
  await expectNoA11yViolations(page);
});

test("[ADMIN]: banning a user ends their session and blocks sign-in; unbanning restores sign-in but not the old session", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  await signInViaApi(page.request, ADMIN.email, ADMIN.password);

  const userContext = await newIsolatedContext(browser);
  try {
    const user = await userContext.newPage();
    const { email, password } = await signUpViaApi(user, `Banned Soon ${suffix}`);
    expect((await user.request.get("/api/conversations")).status()).toBe(200);

    await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    const row = page.getByRole("table", { name: "Users" }).getByRole("row").filter({
      hasText: email,
    });
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    await row.getByRole("button", { name: `Actions for ${email}`, exact: true }).click();
    await page.getByRole("menuitem", { name: "Ban…" }).click();
    const confirm = page.getByRole("dialog", { name: "Ban this user?" });
    await expect(confirm).toContainText(email);
    await confirm.getByRole("textbox", { name: "Reason" }).fill("Abusive messages");
    await confirm.getByRole("button", { name: "Ban user" }).click();
    await expect(confirm).toBeHidden();
    await expect(row.getByText("Banned", { exact: true })).toBeVisible();

    // Their existing session stops working at once.
    expect((await user.request.get("/api/conversations")).status()).toBe(401);
    await user.goto("/gpts");
    await expect(user).toHaveURL(/\/sign-in/);

    // Signing in again says why it fails.
    await signInThroughForm(user, email, password);
    await expect(
      user.getByText("This account has been suspended. Contact the administrator."),
    ).toBeVisible();
    await expect(user).toHaveURL(/\/sign-in/);

    // Unban restores sign-in.
    await row.getByRole("button", { name: `Actions for ${email}`, exact: true }).click();
    await page.getByRole("menuitem", { name: "Unban…" }).click();
    const unbanConfirm = page.getByRole("alertdialog", { name: "Unban this user?" });
    await unbanConfirm.getByRole("button", { name: "Unban user" }).click();
    await expect(unbanConfirm).toBeHidden();
    await expect(row.getByText("Active", { exact: true })).toBeVisible();

    // The session from before the ban stays revoked: unbanning does not sign anyone back in.
    expect((await user.request.get("/api/conversations")).status()).toBe(401);

    // Sign in again on a fresh device.
    const freshContext = await newIsolatedContext(browser);
    try {
      const fresh = await freshContext.newPage();
      await signInThroughForm(fresh, email, password);
      await expect(fresh).not.toHaveURL(/\/sign-in/);
      await expect(
        fresh.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My GPTs" }),
      ).toBeVisible();
      expect((await fresh.request.get("/api/conversations")).status()).toBe(200);
    } finally {
      await freshContext.close();
    }
  } finally {
    await userContext.close();
  }
});
