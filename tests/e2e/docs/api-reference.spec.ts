import {
  expect,
  expectFitsPhoneWidth,
  expectNoA11yViolations,
  saveScreenshot,
  test,
} from "../support/fixtures";

test("[API]: the API reference renders every operation of the OpenAPI document, signed out", async ({
  page,
  request,
}) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const summaries = Object.values(
    document.paths as Record<string, Record<string, { summary: string }>>,
  )
    .flatMap((item) => Object.values(item))
    .map((operation) => operation.summary);

  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  for (const summary of summaries) {
    await expect(page.getByRole("heading", { level: 3, name: summary })).toBeVisible();
  }
  const publish = page.getByRole("region", { name: "Publish the draft" });
  await expect(publish.getByText("gpts:write")).toBeVisible();
  await expect(publish.getByText('"visibility": "LINK"')).toBeVisible();

  await page.getByRole("tab", { name: "Python" }).click();
  await expect(page.getByRole("tabpanel").getByText("base_url=", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 document" })).toHaveAttribute(
    "href",
    "/api/v1/openapi.json",
  );
  await expectNoA11yViolations(page);
  await saveScreenshot(page, "api-reference-desktop", { fullPage: false });
  await saveScreenshot(publish, "api-reference-operation");

  await expectFitsPhoneWidth(page);
  await saveScreenshot(page, "api-reference-phone", { fullPage: false });
});
