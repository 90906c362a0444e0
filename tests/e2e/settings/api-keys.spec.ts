import type { APIRequestContext } from "@playwright/test";
import { createGptViaApi, publishViaApi } from "../builder/helpers";
import {
  ADMIN,
  expect,
  expectFitsPhoneWidth,
  expectNoA11yViolations,
  newIsolatedContext,
  saveScreenshot,
  signInViaApi,
  signUpViaApi,
  test,
} from "../support/fixtures";

const FAKE_API = `http://127.0.0.1:${process.env.E2E_FAKE_API_PORT ?? "4020"}`;
const FAKE_API_DOMAIN = new URL(FAKE_API).host;

type Plan = {
  id: string;
  name: string;
  description: string;
  isFree: boolean;
  dailyMessages: number;
  monthlyMessages: number;
  allowsPremiumModels: boolean;
  knowledgeMaxMb: number;
  maxPublicGpts: number;
  hasApiAccess: boolean;
  sortOrder: number;
};

/** Turns API access on the Free plan on or off, as an admin does under Admin → Billing. */
async function setFreePlanApiAccess(admin: APIRequestContext, hasApiAccess: boolean) {
  const { plans } = (await (await admin.get("/api/admin/billing/plans")).json()) as {
    plans: Plan[];
  };
  const free = plans.find((plan) => plan.isFree);
  expect(free, "the Free plan exists").toBeTruthy();
  const plan = free as Plan;
  const response = await admin.put(`/api/admin/billing/plans/${plan.id}`, {
    data: {
      name: plan.name,
      description: plan.description,
      monthlyPrice: "0",
      yearlyPrice: "",
      dailyMessages: String(plan.dailyMessages),
      monthlyMessages: String(plan.monthlyMessages),
      allowsPremiumModels: plan.allowsPremiumModels,
      knowledgeMaxMb: String(plan.knowledgeMaxMb),
      maxPublicGpts: String(plan.maxPublicGpts),
      hasApiAccess,
      isArchived: false,
      sortOrder: String(plan.sortOrder),
    },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
}

test("[API KEYS]: without API access the page says so; with it a key is created, shown once with a copy button, listed by its prefix only, and revoked after a confirmation", async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUpViaApi(page, "Key Maker");
  await page.goto("/chat");
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  const notice = page.getByTestId("no-api-access");
  await expect(notice).toContainText("Your plan does not include API access");
  await expect(notice.getByRole("link", { name: "Settings → Billing" })).toHaveAttribute(
    "href",
    "/settings/billing",
  );
  await expect(page.getByRole("button", { name: "Create API key" })).toBeDisabled();
  await saveScreenshot(page, "api-keys-no-access");
  await expect(page.getByRole("link", { name: "API reference", exact: true })).toHaveAttribute(
    "href",
    "/docs/api",
  );

  const adminContext = await newIsolatedContext(browser);
  await signInViaApi(adminContext.request, ADMIN.email, ADMIN.password);
  await setFreePlanApiAccess(adminContext.request, true);
  try {
    await page.reload();
    await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
    await expect(notice).toHaveCount(0);
    await page.getByRole("button", { name: "Create API key" }).click();
    const form = page.getByRole("dialog", { name: "Create an API key" });
    await form.getByRole("button", { name: "Create key" }).click();
    await expect(form.getByLabel("Name")).toBeFocused();
    await expect(form.getByRole("alert").filter({ hasText: "Give the key a name." })).toBeVisible();
    await form.getByLabel("Name").fill("CI deploys");
    await form.getByRole("checkbox", { name: /Read GPTs/ }).check();
    await form.getByLabel("Expires").selectOption({ label: "In 30 days" });
    await form.getByRole("button", { name: "Create key" }).click();

    const reveal = page.getByRole("dialog", { name: "Save your API key" });
    await expect(reveal).toContainText("You won’t see this key again");
    await saveScreenshot(page, "api-keys-new-key", { fullPage: false });
    const secret = await reveal.getByLabel("API key").inputValue();
    expect(secret).toMatch(/^atl_[\w-]{43}$/);
    await reveal.getByRole("button", { name: "Copy API key" }).click();
    await expect(reveal.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await reveal.getByRole("button", { name: "I’ve saved my key" }).click();
    await expect(reveal).toBeHidden();

    const row = page.getByTestId("api-key-row").filter({ hasText: "CI deploys" });
    await expect(row).toContainText(`${secret.slice(0, 12)}…`);
    await expect(row.getByRole("list", { name: "Scopes" })).toHaveText(/chat\s*gpts:read/);
    await expect(row).toContainText(/Last used\s*never/);
    await expect(row).toContainText("Active");
    // The secret is nowhere on the page any more, nor in what the list loads.
    expect(await page.content()).not.toContain(secret);
    expect(await (await page.request.get("/api/me/api-keys")).text()).not.toContain(secret);
    await expectNoA11yViolations(page);

    await row.getByRole("button", { name: "Revoke the key CI deploys" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Revoke this API key?" });
    await expect(confirm).toContainText(`${secret.slice(0, 12)}…`);
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

    await expectFitsPhoneWidth(page);
    await saveScreenshot(page, "api-keys-phone");
  } finally {
    await setFreePlanApiAccess(adminContext.request, false);
    await adminContext.close();
  }
});

test("[API KEYS]: a GPT's actions are allowed over the API from a search of the user's GPTs, and removed again", async ({
  page,
}) => {
  await signUpViaApi(page, "Action Owner");
  const name = `Weather desk ${Date.now()}`;
  const gpt = await createGptViaApi(page.request, { name, capabilities: ["actions"] });
  const schemaText = await (await page.request.get(`${FAKE_API}/openapi.json`)).text();
  const action = await page.request.post(`/api/gpts/${gpt.id}/actions`, {
    data: { kind: "openapi", schemaText, auth: { kind: "none" } },
  });
  expect(action.status(), await action.text()).toBe(201);
  await publishViaApi(page.request, gpt.id, { visibility: "PRIVATE" });

  await page.goto("/settings/api-keys");
  const section = page.getByRole("region", { name: "Actions over the API" });
  await section.getByLabel("Allow a GPT").fill("weather desk");
  const candidates = section.getByRole("list", { name: "GPTs with actions" });
  await expect(candidates.getByTestId("api-action-gpt")).toHaveCount(1);
  await expect(candidates).toContainText(`Calls ${FAKE_API_DOMAIN}`);
  await candidates.getByRole("button", { name: `Allow ${name}` }).click();

  const allowed = section.getByRole("list", { name: "GPTs allowed to run actions over the API" });
  await expect(allowed.getByRole("link", { name })).toHaveAttribute("href", `/g/${gpt.slug}`);
  await expect(candidates).toHaveCount(0);
  await saveScreenshot(page, "api-keys-actions-allowed");
  await allowed.getByRole("button", { name: `Remove ${name}` }).click();
  await expect(allowed).toHaveCount(0);
  await expect(section).toContainText("No GPT yet");
});
