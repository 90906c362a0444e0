import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "@playwright/test";
import { createGptViaApi, openEditor, publishViaApi, uniqueSuffix } from "../builder/helpers";
import { plainReply } from "../chat/helpers";
import {
  BASE_URL,
  expect,
  expectNoA11yViolations,
  saveScreenshot,
  signUpViaApi,
  test,
} from "../support/fixtures";

/**
 * A creator's website on another origin than Atelier's (127.0.0.1 against the app's localhost):
 * a tiny HTTP server whose page includes the widget's script tag.
 */
type HostSite = { origin: string; setSnippet: (html: string) => void; close: () => Promise<void> };

async function startHostSite(title: string): Promise<HostSite> {
  let snippet = "";
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="font-family:system-ui;margin:0;background:#f8fafc;color:#0f172a">
<main style="max-width:720px;margin:0 auto;padding:48px 24px"><h1>${title}</h1>
<p>Handmade ceramics, shipped from our studio. Questions? Ask our assistant.</p></main>
${snippet}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setSnippet: (html) => {
      snippet = html;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A visitor of the creator's site: a plain browser context (the fixtures' contexts wait for
 * Atelier's hydration after every navigation, which a host page never signals), with its own
 * client address like theirs.
 */
function newVisitorContext(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const address = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
  return browser.newContext({ viewport, extraHTTPHeaders: { "x-forwarded-for": address } });
}

/** Screenshots for the reviewer: into E2E_SCREENSHOT_DIR (when set) and a fixed copy in /tmp. */
async function shoot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name, { fullPage: false });
  await page.screenshot({ path: `/tmp/${name}.png` });
}

let shop: HostSite;
let copycat: HostSite;

test.beforeAll(async () => {
  shop = await startHostSite("Clay & Kiln");
  copycat = await startHostSite("Copycat Pottery");
});

test.afterAll(async () => {
  await shop.close();
  await copycat.close();
});

test("[EMBED]: a creator embeds their GPT from the Share dialog; a visitor of that site chats in the bubble's panel until the visitor limit", async ({
  page,
  browser,
}) => {
  await signUpViaApi(page, `Kiln Creator ${uniqueSuffix()}`);
  const name = `Kiln Helper ${uniqueSuffix()}`;
  const gpt = await createGptViaApi(page.request, { name, conversationStarters: ["Do you ship?"] });
  await publishViaApi(page.request, gpt.id, { visibility: "LINK" });

  await openEditor(page, gpt.id);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("tab", { name: "Embed on your site" }).click();
  await dialog.getByRole("switch", { name: "Show a chat widget on your website" }).click();
  const sites = dialog.getByRole("textbox", { name: "Allowed sites" });
  await sites.fill(`${shop.origin}/shop`);
  await dialog.getByRole("button", { name: "Add site" }).click();
  await expect(dialog.getByText("without a path")).toBeVisible();
  await sites.fill(shop.origin);
  await sites.press("Enter");
  await expect(dialog.getByRole("button", { name: `Remove ${shop.origin}` })).toBeVisible();
  await dialog.getByRole("spinbutton", { name: "Answers per visitor per hour" }).fill("1");
  await dialog.getByRole("textbox", { name: "Greeting" }).fill("Hi! Ask me about our pottery.");
  await dialog.getByRole("button", { name: "Save embed settings" }).click();
  const snippet = dialog.getByTestId("embed-script-snippet");
  await expect(snippet).toContainText(`data-gpt="${gpt.id}"`);
  await expect(dialog.getByRole("button", { name: "Copy iframe code" })).toBeVisible();
  await expectNoA11yViolations(page);
  await saveScreenshot(dialog, "widget-share-dialog");
  shop.setSnippet((await snippet.textContent()) ?? "");

  const visitorContext = await newVisitorContext(browser);
  try {
    const visitor = await visitorContext.newPage();
    const session = visitor.waitForResponse((response) => response.url().includes("/session"));
    await visitor.goto(shop.origin);
    expect((await session).status()).toBe(200);
    await visitor.getByRole("button", { name: `Open chat with ${name}` }).click();
    const frame = visitor.frameLocator(`iframe[title="Chat with ${name}"]`);
    const composer = frame.getByRole("textbox", { name: "Message" });
    await expect(composer).toBeFocused();
    await expect(frame.getByText("Hi! Ask me about our pottery.")).toBeVisible();
    await frame.getByRole("button", { name: "Do you ship?" }).click();
    await expect(frame.getByText(plainReply("Do you ship?"))).toBeVisible();
    await expectNoA11yViolations(visitor);
    await shoot(visitor, "widget-desktop");

    await composer.fill("And glazes?");
    await composer.press("Enter");
    await expect(frame.getByText(/^You're sending messages too fast\. Try again in/)).toBeVisible();

    // Phones: the panel takes the whole screen.
    await visitor.setViewportSize({ width: 390, height: 844 });
    const iframe = visitor.locator(`iframe[title="Chat with ${name}"]`);
    await expect.poll(async () => (await iframe.boundingBox())?.width).toBe(390);
    await shoot(visitor, "widget-phone");
    await composer.press("Escape");
    await expect(iframe).toBeHidden();
    await expect(visitor.getByRole("button", { name: `Open chat with ${name}` })).toBeFocused();
  } finally {
    await visitorContext.close();
  }
});

test("[EMBED]: a site that is not in the list gets no widget: its session is refused and no frame appears", async ({
  page,
  browser,
}) => {
  await signUpViaApi(page, `Guarded Creator ${uniqueSuffix()}`);
  const gpt = await createGptViaApi(page.request, { name: `Guarded ${uniqueSuffix()}` });
  await publishViaApi(page.request, gpt.id, { visibility: "LINK" });
  const saved = await page.request.put(`/api/gpts/${gpt.id}/embed`, {
    data: {
      isEnabled: true,
      allowedOrigins: [shop.origin],
      dailyMessageBudget: 50,
      visitorMessagesPerHour: 10,
      themeColor: "#1d4ed8",
      position: "LEFT",
      greeting: "",
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  copycat.setSnippet(`<script src="${BASE_URL}/embed.js" data-gpt="${gpt.id}" async></script>`);

  const visitorContext = await newVisitorContext(browser);
  try {
    const visitor = await visitorContext.newPage();
    const warnings: string[] = [];
    visitor.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    const session = visitor.waitForResponse((response) => response.url().includes("/session"));
    await visitor.goto(copycat.origin);
    const refused = await session;
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain(copycat.origin);
    await expect.poll(() => warnings.join("\n")).toContain("isn't allowed to embed");
    await expect(visitor.getByRole("button", { name: /Open chat with/ })).toHaveCount(0);
    await expect(visitor.locator("iframe")).toHaveCount(0);
  } finally {
    await visitorContext.close();
  }
});
