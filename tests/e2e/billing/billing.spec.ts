import type { APIRequestContext, Page } from "@playwright/test";
import { GPT_PATH, plainReply, send } from "../chat/helpers";
import {
  ADMIN,
  expect,
  expectFitsPhoneWidth,
  expectNoA11yViolations,
  newIsolatedContext,
  signInViaApi,
  signUpViaApi,
  test,
} from "../support/fixtures";

// The fake Stripe that playwright.config.ts starts; its control API plays Stripe's clock.
const FAKE_STRIPE = `http://127.0.0.1:${process.env.E2E_FAKE_STRIPE_PORT ?? "4040"}`;
const NO_BILLING_URL = `http://localhost:${process.env.E2E_NO_BILLING_PORT ?? "3211"}`;

/** The id of the newest subscription Stripe told the app about. */
async function latestSubscriptionId(request: APIRequestContext): Promise<string> {
  const events = (await (await request.get(`${FAKE_STRIPE}/__control/events`)).json()) as {
    type: string;
    data: { object: { id: string } };
  }[];
  const created = events.filter((event) => event.type === "customer.subscription.created");
  const id = created.at(-1)?.data.object.id;
  expect(id, "a subscription was created").toBeTruthy();
  return id as string;
}

/** Reloads until the billing page shows `plan` (webhooks arrive a moment after the redirect). */
async function expectPlan(page: Page, plan: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("current-plan")).toHaveText(plan, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test("[BILLING]: an admin adds a paid plan; a user upgrades through Checkout and has its allowance at once, cancels in the portal, and is on Free when the period ends", async ({
  page,
  browser,
}) => {
  const adminContext = await newIsolatedContext(browser);
  try {
    const admin = await adminContext.newPage();
    await signInViaApi(admin.request, ADMIN.email, ADMIN.password);
    await admin.goto("/admin/billing");
    await expect(admin.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
    await admin.getByRole("button", { name: "Add plan" }).click();
    const dialog = admin.getByRole("dialog", { name: "Add a plan" });
    await dialog.getByLabel("Name").fill("Plus");
    await dialog.getByLabel("Monthly price (USD)").fill("0.10");
    await dialog.getByLabel("Messages per day").fill("50");
    await dialog.getByRole("button", { name: "Add plan" }).click();
    // Stripe's minimum charge is refused at its field, and nothing is created.
    await expect(dialog.getByLabel("Monthly price (USD)")).toHaveAccessibleDescription(
      /at least \$0\.50/,
    );
    await dialog.getByLabel("Monthly price (USD)").fill("9");
    await dialog.getByRole("button", { name: "Add plan" }).click();
    await expect(admin.getByText("Plus added.")).toBeVisible();
    await expect(admin.getByTestId("admin-plan-Plus")).toContainText("$9.00");
    await expectNoA11yViolations(admin);
  } finally {
    await adminContext.close();
  }

  await signUpViaApi(page, "Upgrader");
  await page.goto("/settings/billing");
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  await page.getByRole("button", { name: "Upgrade to Plus" }).click();
  // Stripe's hosted page (the fake's): the price the admin set, then pay.
  await expect(page.getByTestId("checkout-total")).toHaveText("$9.00");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("checkout-confirmed")).toContainText("Your new plan is active now");
  await expect(page.getByTestId("current-plan")).toHaveText("Plus");
  await expect(page.getByRole("progressbar", { name: "Messages today" })).toHaveAttribute(
    "aria-valuemax",
    "50",
  );
  await expect(page).toHaveURL(/\/settings\/billing$/);
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Manage billing" }).click();
  await expect(page.getByTestId("portal-subscription-state")).toContainText("Renews on");
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await expect(page.getByTestId("portal-subscription-state")).toContainText("Cancels on");
  await page.getByRole("link", { name: /Return to/ }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/Canceled: Plus ends on/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("current-plan")).toHaveText("Plus");

  // Stripe's clock reaches the end of the period: the subscription ends, Free applies.
  const subscriptionId = await latestSubscriptionId(page.request);
  const ended = await page.request.post(
    `${FAKE_STRIPE}/__control/subscriptions/${subscriptionId}/end-period`,
  );
  expect(ended.ok()).toBeTruthy();
  await expectPlan(page, "Free");
  await expect(page.getByRole("button", { name: "Upgrade to Plus" })).toBeVisible();

  await expectFitsPhoneWidth(page);
});

test("[BILLING]: past the day's messages the chat offers plans and credits; a pack bought through Checkout pays for the next answer", async ({
  page,
  browser,
}) => {
  const adminContext = await newIsolatedContext(browser);
  const admin = adminContext.request;
  await signInViaApi(admin, ADMIN.email, ADMIN.password);
  const settings = (await (await admin.get("/api/admin/settings")).json()).settings;
  const { models } = await (await admin.get("/api/admin/models")).json();
  const model = models.find((candidate: { isDefault: boolean }) => candidate.isDefault);
  try {
    // One free message a day, and a model that costs something, so the credits visibly move.
    await admin.put("/api/admin/settings", { data: { ...settings, chatDailyMessages: 1 } });
    await admin.patch(`/api/admin/models/${model.id}`, {
      data: { inputPricePerMillion: "2.50", outputPricePerMillion: "10" },
    });

    await signUpViaApi(page, "Credit Buyer");
    await page.goto(GPT_PATH);
    await send(page, "First, on the house");
    const answers = page.getByTestId("message-assistant");
    await expect(answers.first()).toContainText(plainReply("First, on the house"));
    await send(page, "Second, past the allowance");
    const refusal = page.getByTestId("chat-error");
    await expect(refusal).toContainText("You've used today's 1 message on the Free plan");
    await refusal.getByRole("link", { name: "See plans and credits" }).click();

    await expect(page).toHaveURL(/\/settings\/billing$/);
    await expect(page.getByTestId("credit-balance")).toHaveText("$0.00");
    await page.getByRole("button", { name: "Buy $5" }).click();
    await expect(page.getByTestId("checkout-total")).toHaveText("$5.00");
    await page.getByRole("button", { name: "Pay" }).click();
    await expect(page.getByTestId("checkout-confirmed")).toContainText("Your credits are ready");
    await expect(page.getByTestId("credit-balance")).toHaveText("$5.00");

    await page.goto(GPT_PATH);
    await send(page, "Third, on credits");
    await expect(page.getByTestId("message-assistant").last()).toContainText(
      plainReply("Third, on credits"),
    );
    await page.goto("/settings/billing");
    const activity = page.getByRole("table", { name: "Recent activity" });
    // The answer's final write (with its charge) lands just after its last word.
    await expect(async () => {
      await page.reload();
      await expect(
        activity.getByRole("row", { name: /Answer beyond your plan -\$0\.00/ }),
      ).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(activity.getByRole("row", { name: /Credit pack \+\$5\.00/ })).toBeVisible();
    await expect(page.getByTestId("credit-balance")).toHaveText(/^\$4\.99\d+$/);
    await expect(page.getByRole("progressbar", { name: "Messages today" })).toHaveAttribute(
      "aria-valuenow",
      "1",
    );
    await expect(page.getByText("1 of 1 · 1 on credits")).toBeVisible();
  } finally {
    await admin.put("/api/admin/settings", { data: settings });
    await admin.patch(`/api/admin/models/${model.id}`, {
      data: {
        // The admin API shows prices in micro-dollars and takes dollars.
        inputPricePerMillion: String(model.inputPricePerMillion / 1_000_000),
        outputPricePerMillion: String(model.outputPricePerMillion / 1_000_000),
      },
    });
    await adminContext.close();
  }
});

test("[BILLING]: without Stripe, billing is nowhere: no menu entry, no admin tab, the pages and the checkout API are not found", async ({
  browser,
}) => {
  const context = await newIsolatedContext(browser, { baseURL: NO_BILLING_URL });
  try {
    const page = await context.newPage();
    await signInViaApi(page.request, ADMIN.email, ADMIN.password);
    await page.goto("/admin");
    await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Billing" }),
    ).toHaveCount(0);
    await page.getByRole("button", { name: "Account menu" }).click();
    await expect(page.getByRole("menuitem", { name: "Profile settings" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Plan & billing" })).toHaveCount(0);
    for (const path of ["/settings/billing", "/admin/billing"]) {
      await page.goto(path);
      await expect(
        page.getByRole("heading", { name: "This page could not be found" }),
        path,
      ).toBeVisible();
      await expect(page.getByTestId("current-plan")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Add plan" })).toHaveCount(0);
    }
    const checkout = await page.request.post("/api/billing/checkout", { data: { packCents: 500 } });
    expect(checkout.status()).toBe(404);
    expect((await checkout.json()).error.message).toBe("Billing is not set up on this instance.");
  } finally {
    await context.close();
  }
});
