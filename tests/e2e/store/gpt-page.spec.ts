import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import {
  createGptViaApi,
  echoOf,
  expectSaved,
  openEditor,
  publishViaApi,
  setBuilderProfileViaApi,
  uniqueSuffix,
} from "../builder/helpers";
import {
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";

const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR;
const STARTER = "Sketch a product page";

/**
 * The page scrolls inside the chat panel, so a full-page shot would stop at the fold: the viewport
 * grows to the panel's content for the shot, then comes back.
 */
async function screenshot(page: Page, name: string, width: 1280 | 390): Promise<void> {
  if (!SCREENSHOTS) return;
  const viewport = page.viewportSize();
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...[...document.querySelectorAll<HTMLElement>(".overflow-y-auto")].map(
        (element) => element.scrollHeight + 200,
      ),
    ),
  );
  await page.setViewportSize({ width, height: Math.min(height, 6000) });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
}

function metaContent(html: string, attribute: "name" | "property", key: string): string | null {
  const match = html.match(new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`));
  return match?.[1] ?? null;
}

/** A creator with a categorised, capable GPT, a listed sibling and a link-only one. */
async function seedCreator(page: Page) {
  const suffix = uniqueSuffix();
  const creatorName = `Studio ${suffix}`;
  await signUpViaApi(page, `Page Maker ${suffix}`);
  await setBuilderProfileViaApi(page.request, creatorName);
  const main = await createGptViaApi(page.request, {
    name: `Launch Copywriter ${suffix}`,
    description: "Writes launch pages and product copy that people read to the end.",
    instructions: `SECRET-${suffix}`,
    conversationStarters: [STARTER, "Tighten my headline"],
    capabilities: ["knowledge"],
  });
  await openEditor(page, main.id);
  await page.getByLabel("Category").selectOption({ label: "Writing" });
  await expectSaved(page);
  await publishViaApi(page.request, main.id, { visibility: "PUBLIC" });
  const sibling = await createGptViaApi(page.request, {
    name: `Tagline Forge ${suffix}`,
    description: "Ten taglines for anything.",
  });
  await publishViaApi(page.request, sibling.id, { visibility: "PUBLIC" });
  const linkOnly = await createGptViaApi(page.request, { name: `Private Draftsman ${suffix}` });
  await publishViaApi(page.request, linkOnly.id, { visibility: "LINK" });
  return {
    suffix,
    creatorName,
    main: { ...main, name: `Launch Copywriter ${suffix}` },
    sibling: { ...sibling, name: `Tagline Forge ${suffix}` },
    linkOnly: { ...linkOnly, name: `Private Draftsman ${suffix}` },
  };
}

test("[STORE]: a GPT page is a store listing a visitor can judge: server-rendered title and social tags, creator, category, capabilities, more by the creator, share link; link GPTs stay out of the index", async ({
  page,
  browser,
}) => {
  const seeded = await seedCreator(page);
  const path = `/g/${seeded.main.slug}`;

  const visitorContext = await newIsolatedContext(browser, {
    permissions: ["clipboard-read", "clipboard-write"],
  });
  try {
    const visitor = await visitorContext.newPage();

    // What a crawler gets, before any JavaScript.
    const html = await (await visitor.request.get(path)).text();
    const title = `${seeded.main.name} — by ${seeded.creatorName} · Atelier`;
    expect(html).toContain(`<title>${title}</title>`);
    expect(metaContent(html, "name", "description")).toBe(
      "Writes launch pages and product copy that people read to the end.",
    );
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="http://localhost:\\d+${path}"`));
    expect(metaContent(html, "property", "og:title")).toBe(
      `${seeded.main.name} — by ${seeded.creatorName}`,
    );
    expect(metaContent(html, "property", "og:url")).toMatch(new RegExp(`${path}$`));
    expect(metaContent(html, "name", "twitter:card")).toBe("summary_large_image");
    expect(metaContent(html, "name", "robots")).toBe("index, follow");
    expect(html).not.toContain(`SECRET-${seeded.suffix}`);
    const ogImage = metaContent(html, "property", "og:image");
    expect(ogImage).toMatch(/\/opengraph-image/);
    const image = await visitor.request.get(ogImage!);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect((await image.body()).byteLength).toBeGreaterThan(5_000);
    if (SCREENSHOTS) writeFileSync(`${SCREENSHOTS}/gpt-page-og-image.png`, await image.body());

    await visitor.setViewportSize({ width: 1280, height: 900 });
    await visitor.goto(path);
    await expect(visitor.getByRole("heading", { level: 1, name: seeded.main.name })).toBeVisible();
    await expect(visitor.getByTestId("gpt-creator").getByRole("link")).toHaveText(
      seeded.creatorName,
    );
    await expect(visitor.getByTestId("gpt-creator").getByRole("link")).toHaveAttribute(
      "href",
      /^\/u\/[a-z0-9-]+$/,
    );
    const stats = visitor.getByTestId("gpt-stats");
    await expect(stats).toContainText("No ratings yet");
    await expect(stats.getByRole("link", { name: "Writing" })).toHaveAttribute(
      "href",
      "/categories/writing",
    );
    await expect(stats.getByTestId("conversation-count")).toHaveText("0");
    await expect(visitor.getByTestId("capability-knowledge")).toContainText("Knowledge retrieval");
    await expect(visitor.getByRole("button", { name: STARTER })).toBeVisible();

    const more = visitor.getByTestId("more-by-creator");
    await expect(
      more.getByRole("heading", { name: `More by ${seeded.creatorName}` }),
    ).toBeVisible();
    await expect(more.getByTestId("gpt-card").filter({ hasText: seeded.sibling.name })).toHaveCount(
      1,
    );
    await expect(more).not.toContainText(seeded.linkOnly.name);
    await expect(more).not.toContainText(seeded.main.name);
    await expect(visitor.getByRole("link", { name: "Sign in to chat" })).toBeVisible();
    await expectNoA11yViolations(visitor);
    await screenshot(visitor, "gpt-page-signed-out", 1280);

    await visitor.getByRole("button", { name: "Share" }).click();
    await expect(visitor.getByRole("button", { name: "Link copied" })).toBeVisible();
    expect(await visitor.evaluate(() => navigator.clipboard.readText())).toMatch(
      new RegExp(`^http://localhost:\\d+${path}$`),
    );

    await visitor.setViewportSize({ width: 390, height: 844 });
    await visitor.reload();
    await expect(visitor.getByRole("heading", { level: 1, name: seeded.main.name })).toBeVisible();
    await expect(visitor.getByTestId("more-by-creator")).toBeVisible();
    await expectNoA11yViolations(visitor);
    await screenshot(visitor, "gpt-page-signed-out", 390);

    // The link-only GPT opens by link, but is noindex and not in the sitemap.
    const linkHtml = await (await visitor.request.get(`/g/${seeded.linkOnly.slug}`)).text();
    expect(metaContent(linkHtml, "name", "robots")).toBe("noindex, nofollow");
    const sitemap = await (await visitor.request.get("/sitemap.xml")).text();
    expect(sitemap).toContain(`${path}</loc>`);
    expect(sitemap).not.toContain(`/g/${seeded.linkOnly.slug}<`);
    const robots = await (await visitor.request.get("/robots.txt")).text();
    expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
  } finally {
    await visitorContext.close();
  }
});

for (const width of [1280, 390] as const) {
  test(`[STORE]: a signed-in visitor starts chatting from a starter on the GPT page (${width} px)`, async ({
    page,
    browser,
  }) => {
    const seeded = await seedCreator(page);
    const userContext = await newIsolatedContext(browser, {
      viewport: { width, height: width === 390 ? 844 : 900 },
    });
    try {
      const user = await userContext.newPage();
      await signUpViaApi(user, `Reader ${seeded.suffix}`);
      await user.goto(`/g/${seeded.main.slug}`);
      await expect(user.getByRole("heading", { level: 1, name: seeded.main.name })).toBeVisible();
      await expect(user.getByRole("button", { name: "Keep in sidebar" })).toBeVisible();
      await expect(user.getByRole("textbox", { name: "Message" })).toBeVisible();
      await expectNoA11yViolations(user);
      await screenshot(user, "gpt-page-signed-in", width);

      await user.getByRole("button", { name: STARTER }).click();
      await expect(user).toHaveURL(/\/c\/[^/]+$/);
      await expect(user.getByTestId("message-user")).toHaveText([STARTER]);
      await expect(user.getByTestId("message-assistant")).toContainText(echoOf(STARTER));
      if (width === 390) return;

      // Having chatted, they rate it: the page's stats show the plain mean and the count.
      const review = await user.request.post(`/api/gpts/${seeded.main.id}/reviews`, {
        data: { rating: 4, body: "Clear, quick and on brand." },
      });
      expect(review.status(), await review.text()).toBe(200);
      await user.goto(`/g/${seeded.main.slug}`);
      const stats = user.getByTestId("gpt-stats");
      await expect(stats.getByTestId("gpt-rating")).toContainText("4.0");
      await expect(stats).toContainText("1 rating");
      await expect(stats.getByTestId("conversation-count")).toHaveText("1");
      await expectNoA11yViolations(user);
      await screenshot(user, "gpt-page-rated", width);
    } finally {
      await userContext.close();
    }
  });
}
