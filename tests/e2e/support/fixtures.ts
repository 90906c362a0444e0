import AxeBuilder from "@axe-core/playwright";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Locator,
  type Page,
  type Response,
} from "@playwright/test";

export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password-123" };
export const PASSWORD = "a-long-test-password";
/** The main e2e app (playwright.config.ts's baseURL). */
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? "3210"}`;

let sequence = 0;
export function uniqueEmail(prefix = "user"): string {
  sequence += 1;
  return `${prefix}-${Date.now()}-${sequence}@e2e.test`;
}

/** A fresh client IP per test context, so per-IP sign-in limits don't leak between tests. */
function randomIp(): string {
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
}

/** Resolves once React has hydrated the page (`<html data-hydrated>`, set by HydrationSignal). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/**
 * Makes `goto`, `reload`, `goBack` and `goForward` resolve only once the HTML page they loaded
 * has hydrated. They resolve at the load event, and on a busy machine React can still be
 * hydrating then: a click sent in that gap lands on inert server HTML and does nothing.
 * Navigations that load no HTML page (JSON, files) resolve as before.
 */
function waitForHydrationAfterNavigations(page: Page): void {
  for (const method of ["goto", "reload", "goBack", "goForward"] as const) {
    const navigate = page[method].bind(page) as (...args: unknown[]) => Promise<Response | null>;
    page[method] = (async (...args: unknown[]) => {
      const response = await navigate(...args);
      const contentType = response ? await response.headerValue("content-type") : null;
      if (contentType?.includes("text/html")) await waitForHydration(page);
      return response;
    }) as never;
  }
}

/**
 * Every page of the context, the fixture's `page` and popups included, waits for hydration (the
 * "page" event fires before `newPage()` resolves, so no navigation comes first).
 */
function waitForHydrationInPagesOf(context: BrowserContext): void {
  context.on("page", waitForHydrationAfterNavigations);
}

/**
 * Makes the context's API requests (`page.request`) send an `Origin` for the URL they target, as
 * a script on that page would: the app refuses state-changing requests without a same-site
 * Origin (lib/http/same-origin.ts). The browser's own requests carry theirs already.
 */
function sendOriginWithApiRequests(context: BrowserContext, baseURL: string | undefined): void {
  const request = context.request;
  for (const method of ["post", "put", "patch", "delete", "fetch"] as const) {
    const send = request[method].bind(request) as (
      url: string,
      options?: { headers?: Record<string, string> },
    ) => Promise<unknown>;
    request[method] = ((url: string, options: { headers?: Record<string, string> } = {}) => {
      const origin = new URL(url, baseURL).origin;
      return send(url, { ...options, headers: { origin, ...options.headers } });
    }) as never;
  }
}

export const test = base.extend({
  context: async ({ context, baseURL }, use) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": randomIp() });
    waitForHydrationInPagesOf(context);
    sendOriginWithApiRequests(context, baseURL);
    await use(context);
  },
});
export { expect };

/** Signs in through next-auth's credentials endpoint; the cookie lands in the page's context. */
export async function signInViaApi(
  request: APIRequestContext,
  email: string,
  password: string,
): Promise<void> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok()).toBeTruthy();
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email.toLowerCase());
}

/** Creates an account through the API and signs the page's context in as that user. */
export async function signUpViaApi(
  page: Page,
  name = "Test User",
): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  const response = await page.request.post("/api/auth/sign-up", {
    data: { name, email, password: PASSWORD },
  });
  expect(response.status()).toBe(201);
  await signInViaApi(page.request, email, PASSWORD);
  return { email, password: PASSWORD };
}

/** Resolves once every finite animation (a dialog opening, a toast fading) has finished. */
export async function waitForAnimationsToSettle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== "running" ||
          animation.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY,
      ),
  );
}

export async function expectNoA11yViolations(page: Page): Promise<void> {
  // Contrast is judged on the settled page: a toast or dialog half-way through its fade would
  // read as low contrast. Finite animations only (a spinner runs forever).
  await waitForAnimationsToSettle(page);
  // A refresh (router.refresh after a save) re-streams the page's metadata: for a moment the
  // document has no <title>. Scan once it is back; a page that never gets one still fails below.
  const waitForTitle = () =>
    page
      .waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 })
      .catch(() => undefined);
  await waitForTitle();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  let violations = results.violations;
  if (violations.some((v) => v.id === "document-title")) {
    // The refresh can also land during the scan (seconds long): judge the title again once it is
    // back, with that rule alone. A page without a title fails this second look too.
    await waitForTitle();
    const titleCheck = await new AxeBuilder({ page }).withRules(["document-title"]).analyze();
    violations = [...violations.filter((v) => v.id !== "document-title"), ...titleCheck.violations];
  }
  const summary = violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}

/**
 * A second browser context (another person, e.g. an admin next to the user under test) with its
 * own random client IP, like the `context` fixture's. The caller closes it.
 */
export async function newIsolatedContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...options,
    extraHTTPHeaders: { ...options.extraHTTPHeaders, "x-forwarded-for": randomIp() },
  });
  waitForHydrationInPagesOf(context);
  sendOriginWithApiRequests(context, options.baseURL ?? BASE_URL);
  return context;
}

/**
 * Resizes the page to a phone (390 x 844) and expects nothing wider than the screen. Polled:
 * charts (Recharts' ResponsiveContainer) resize on a ResizeObserver callback after the viewport
 * changes, so on a busy machine the first layout can still hold the desktop width for a moment.
 */
export async function expectFitsPhoneWidth(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
      message: "the page is wider than a 390 px phone screen",
    })
    .toBeLessThanOrEqual(390);
}

/**
 * Saves a screenshot to E2E_SCREENSHOT_DIR as `<name>.png` when that variable is set (to look at
 * pages); does nothing otherwise, so CI spends no time on it. A page is shot whole unless
 * `fullPage: false`.
 */
export async function saveScreenshot(
  target: Page | Locator,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  await target.screenshot({
    path: `${dir}/${name}.png`,
    ...("goto" in target ? { fullPage } : {}),
  });
}
