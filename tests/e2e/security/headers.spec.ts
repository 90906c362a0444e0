import type { Page } from "@playwright/test";
import { GPT_PATH, plainReply, send } from "../chat/helpers";
import {
  ADMIN,
  expect,
  newIsolatedContext,
  signInViaApi,
  signUpViaApi,
  test,
} from "../support/fixtures";

/** Records every CSP violation the page reports, from the first script on. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("[SECURITY]: pages carry a nonce-based CSP that forbids framing, with nosniff and a referrer policy, and the main pages run under it without a violation", async ({
  page,
  browser,
}) => {
  const violations = await watchCspViolations(page);
  const home = await page.goto("/");
  const headers = home!.headers();
  expect(headers["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/,
  );
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // A fresh nonce per page load.
  const again = (await page.request.get("/")).headers()["content-security-policy"];
  expect(again).not.toBe(headers["content-security-policy"]);
  // Route handlers and files are never sniffed as something else.
  expect((await page.request.get("/api/health")).headers()["x-content-type-options"]).toBe(
    "nosniff",
  );

  // The store, a GPT page and a chat answer streamed under the policy.
  await signUpViaApi(page, "Csp Visitor");
  await page.goto(GPT_PATH);
  await send(page, "hello under a strict policy");
  await expect(page.getByText(plainReply("hello under a strict policy"))).toBeVisible();
  await page.goto("/gpts");
  await page.goto("/settings/security");
  await expect(page.getByTestId("session-row")).toHaveCount(1);
  // The theme switch (next-themes' inline script carries the nonce).
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);

  const adminContext = await newIsolatedContext(browser);
  try {
    const admin = await adminContext.newPage();
    const adminViolations = await watchCspViolations(admin);
    await signInViaApi(admin.request, ADMIN.email, ADMIN.password);
    await admin.goto("/admin");
    await expect(admin.getByRole("navigation", { name: "Admin" })).toBeVisible();
    await admin.goto("/admin/earnings");
    await expect(admin.getByRole("heading", { name: "Earnings", level: 1 })).toBeVisible();
    expect(adminViolations).toEqual([]);
  } finally {
    await adminContext.close();
  }
  expect(violations).toEqual([]);
});
