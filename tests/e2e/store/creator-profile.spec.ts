import type { APIRequestContext, Page } from "@playwright/test";
import sharp from "sharp";
import { createGptViaApi, uniqueSuffix } from "../builder/helpers";
import {
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";

const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function publishPublicGpt(request: APIRequestContext, name: string) {
  const gpt = await createGptViaApi(request, {
    name,
    description: "Plans tide-safe harbour trips.",
    instructions: "Be brief.",
    conversationStarters: ["When is high tide?"],
  });
  const response = await request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "PUBLIC" },
  });
  expect(response.status(), await response.text()).toBe(200);
  return gpt;
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("[PROFILE]: a creator sets up a profile in settings and the public /u/<handle> page shows it with their GPT, signed out too", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const handle = `harbour-${suffix}`;
  const gptName = `Harbour Pilot ${suffix}`;
  await signUpViaApi(page, "Marina Keller");

  await page.goto("/settings/profile");
  await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  await expect(page.getByText("You have no public profile yet.")).toBeVisible();
  await expectNoA11yViolations(page);

  const handleInput = page.getByLabel("Handle");
  await handleInput.fill("admin");
  await expect(page.getByTestId("handle-preview")).toContainText("/u/admin");
  await expect(page.getByTestId("handle-preview")).toContainText("reserved");
  await handleInput.fill(handle);
  await expect(page.getByTestId("handle-preview")).toHaveText(`Your profile: /u/${handle}`);
  await page.getByLabel("Display name").fill("Marina Keller");
  await page.getByLabel("Bio").fill("I build GPTs for sailors.");
  await expect(page.getByTestId("bio-counter")).toHaveText("25/300 characters");
  await page.getByLabel("Website").fill("Marina.example/boats");
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByText("Profile saved")).toBeVisible();
  await expect(page.getByLabel("Website")).toHaveValue("https://marina.example/boats");

  const png = await sharp({
    create: { width: 320, height: 240, channels: 3, background: "#2563eb" },
  })
    .png()
    .toBuffer();
  await page
    .getByTestId("avatar-field")
    .locator('input[type="file"]')
    .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText("Profile picture updated")).toBeVisible();
  await expect(page.getByRole("img", { name: "Your profile picture" })).toHaveAttribute(
    "src",
    /\/api\/files\/avatars\/.+\.webp$/,
  );

  // The domain card: a bad entry is explained; a real attempt shows both methods and, with no
  // record published, what was checked.
  const domainCard = page.getByTestId("domain-card");
  await domainCard.getByLabel("Domain").fill("https://marina.example/");
  await domainCard.getByRole("button", { name: "Get instructions" }).click();
  await expect(domainCard.getByText(/Enter the domain only/)).toBeVisible();
  await domainCard.getByLabel("Domain").fill("marina-e2e.invalid");
  await domainCard.getByRole("button", { name: "Get instructions" }).click();
  const instructions = domainCard.getByTestId("domain-instructions");
  await expect(instructions.getByText(/^atelier-verify=/)).toBeVisible();
  await expect(
    instructions.getByText("https://marina-e2e.invalid/.well-known/atelier-verification.txt"),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await domainCard.getByRole("button", { name: "Verify" }).click();
  const failure = domainCard.getByTestId("domain-failure");
  // DNS answers (or fails) within the resolver's own timeout: a bound on waiting, not on speed.
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await expect(failure).toContainText("No TXT record atelier-verify=");
  await expect(failure).toContainText(
    "https://marina-e2e.invalid/.well-known/atelier-verification.txt",
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, "profile-settings");

  const gpt = await publishPublicGpt(page.request, gptName);

  // The account menu leads to the public profile.
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Your profile" }).click();
  await expect(page).toHaveURL(new RegExp(`/u/${handle}$`));
  await expect(page.getByRole("heading", { name: "Marina Keller", level: 1 })).toBeVisible();
  const header = page.getByTestId("creator-profile-header");
  await expect(header.getByText(`@${handle}`)).toBeVisible();
  await expect(header.getByText("I build GPTs for sailors.")).toBeVisible();
  const website = page.getByRole("link", { name: "marina.example/boats" });
  await expect(website).toHaveAttribute("href", "https://marina.example/boats");
  await expect(website).toHaveAttribute("rel", "nofollow ugc noopener");
  await expect(page.getByRole("link", { name: "Edit profile" })).toBeVisible();
  await expect(page.getByTestId("creator-stats")).toContainText("GPT1Conversations0");
  const cards = page.getByTestId("creator-gpts").getByTestId("gpt-card");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(gptName);
  await expectNoA11yViolations(page);
  await screenshot(page, "creator-profile");

  const visitor = await newIsolatedContext(browser, { viewport: { width: 390, height: 844 } });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/u/${handle.toUpperCase()}`);
  await expect(visitorPage).toHaveURL(new RegExp(`/u/${handle}$`));
  await expect(visitorPage.getByRole("heading", { name: "Marina Keller", level: 1 })).toBeVisible();
  await expect(visitorPage.getByRole("link", { name: "Edit profile" })).toHaveCount(0);
  await expect(visitorPage.getByRole("img", { name: "Marina Keller's picture" })).toBeVisible();
  await expectNoHorizontalScroll(visitorPage);
  await expectNoA11yViolations(visitorPage);
  await visitorPage.getByTestId("gpt-card").filter({ hasText: gptName }).click();
  await expect(visitorPage).toHaveURL(new RegExp(`/g/${gpt.slug}$`));
  await visitor.close();
});

test("[PROFILE]: a handle someone else holds is refused in settings, and unknown handles are not found", async ({
  page,
  browser,
}) => {
  const handle = `taken-${uniqueSuffix()}`;
  await signUpViaApi(page, "First Holder");
  const saved = await page.request.put("/api/me/profile", {
    data: { handle, displayName: "First Holder" },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  const second = await newIsolatedContext(browser, { viewport: { width: 390, height: 844 } });
  const secondPage = await second.newPage();
  await signUpViaApi(secondPage, "Second Comer");
  await secondPage.goto("/settings/profile");
  await secondPage.getByLabel("Handle").fill(handle);
  await secondPage.getByRole("button", { name: "Create profile" }).click();
  await expect(secondPage.getByText("That handle is taken.", { exact: true })).toBeVisible();
  await expect(secondPage.getByLabel("Handle")).toHaveAttribute("aria-invalid", "true");
  await expectNoHorizontalScroll(secondPage);
  await expectNoA11yViolations(secondPage);
  await second.close();

  // The page streams behind loading.tsx, so Next answers 200 with a noindex not-found page.
  await page.goto(`/u/nobody-${uniqueSuffix()}`);
  await expect(page.getByRole("heading", { name: "Creator not found" })).toBeVisible();
  await expectNoA11yViolations(page);
});
