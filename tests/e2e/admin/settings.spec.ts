import { ADMIN, expect, expectNoA11yViolations, signInViaApi, test } from "../support/fixtures";

test("[ADMIN]: an admin sets the chat limits, with spend caps in dollars; bad amounts are refused at their field; the form fits 390 px", async ({
  page,
}) => {
  await signInViaApi(page.request, ADMIN.email, ADMIN.password);
  const original = (await (await page.request.get("/api/admin/settings")).json()).settings;
  try {
    await page.goto("/admin/settings");
    const chat = page.getByRole("region", { name: "Chat limits" });
    await expect(chat.getByLabel("Messages at once")).toHaveValue("10");
    await expect(chat.getByLabel("Messages per minute")).toHaveValue("20");
    await expect(chat.getByLabel("Messages per day")).toHaveValue("500");
    const gptCap = chat.getByLabel("Daily spend per GPT (US$)");
    const instanceCap = chat.getByLabel("Daily spend for the instance (US$)");
    await expect(gptCap).toHaveValue("20.00");
    await expect(instanceCap).toHaveValue("100.00");
    await expect(instanceCap).toHaveAccessibleDescription(/Spent so far today: \$\d/);
    await expect(chat.getByLabel("Messages per day")).toHaveAccessibleDescription(
      /0 means unlimited/,
    );

    await gptCap.fill("-5");
    await instanceCap.fill("1.0000001");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(gptCap).toHaveAccessibleDescription(/Use 0 or more; 0 means no cap\./);
    await expect(instanceCap).toHaveAccessibleDescription(/Use at most 6 decimal places/);
    await expect(gptCap).toHaveAttribute("aria-invalid", "true");
    await expect(gptCap).toBeFocused();

    await gptCap.fill("$1,250.5");
    await instanceCap.fill("0");
    await chat.getByLabel("Messages at once").fill("4");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await expect(gptCap).toHaveValue("1250.50");
    await expect(instanceCap).toHaveValue("0.00");
    await page.reload();
    await expect(chat.getByLabel("Messages at once")).toHaveValue("4");
    await expect(gptCap).toHaveValue("1250.50");

    await page.setViewportSize({ width: 390, height: 844 });
    await chat.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const box = await gptCap.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await expectNoA11yViolations(page);
  } finally {
    // The e2e database is shared by the run: later chat tests expect the default limits.
    await page.request.put("/api/admin/settings", { data: original });
  }
});
