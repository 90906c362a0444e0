import type { APIRequestContext, Locator, Page } from "@playwright/test";
import {
  FAKE_API_KEY,
  FAKE_OAUTH_CLIENT_ID,
  FAKE_OAUTH_CLIENT_SECRET,
} from "../../fixtures/fake-api/server";
import {
  createGptViaApi,
  expectSaved,
  openEditor,
  publishInEditor,
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

const FAKE_API = `http://127.0.0.1:${process.env.E2E_FAKE_API_PORT ?? "4020"}`;
const FAKE_API_DOMAIN = new URL(FAKE_API).host;
const FAKE_MCP = `http://127.0.0.1:${process.env.E2E_FAKE_MCP_PORT ?? "4030"}/mcp`;
const FAKE_MCP_DOMAIN = new URL(FAKE_MCP).host;
const PRIVACY_URL = "https://weather.example.com/privacy";

async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  await target.screenshot({ path: `${dir}/actions-${name}.png` });
}

/** Opens "Add action" and picks the kind; returns the editor dialog. */
async function openNewActionEditor(
  page: Page,
  kind: "From OpenAPI" | "Connect MCP server",
): Promise<Locator> {
  await page.getByTestId("actions-section").getByTestId("add-action").click();
  await page.getByRole("menuitem", { name: kind }).click();
  const editor = page.getByTestId("action-editor");
  await expect(editor).toBeVisible();
  return editor;
}

function operationRow(editor: Locator, name: string): Locator {
  return editor
    .getByTestId("operation-row")
    .filter({ has: editor.page().getByText(name, { exact: true }) });
}

/** Seeds the fake API's OpenAPI action on a GPT through the API. */
async function createWeatherActionViaApi(
  request: APIRequestContext,
  gptId: string,
  auth: Record<string, unknown>,
): Promise<{ id: string }> {
  const schemaText = await (await request.get(`${FAKE_API}/openapi.json`)).text();
  const response = await request.post(`/api/gpts/${gptId}/actions`, {
    data: { kind: "openapi", schemaText, auth, privacyPolicyUrl: PRIVACY_URL },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).action;
}

const API_KEY_AUTH = {
  kind: "api_key",
  placement: "header",
  name: "X-Api-Key",
  secret: FAKE_API_KEY,
};

/** A published (public) GPT whose only action is the fake weather API. */
async function publishedWeatherGpt(
  page: Page,
  auth: Record<string, unknown>,
  label: string,
): Promise<{ id: string; slug: string; name: string }> {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Creator ${label} ${suffix}`);
  await setBuilderProfileViaApi(page.request, `Creator ${suffix}`);
  const name = `${label} ${suffix}`;
  const gpt = await createGptViaApi(page.request, { name, capabilities: ["actions"] });
  await createWeatherActionViaApi(page.request, gpt.id, auth);
  const published = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "PUBLIC" },
  });
  expect(published.status(), await published.text()).toBe(200);
  return { ...gpt, name };
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send message" }).click();
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

test("[ACTIONS]: a creator imports an OpenAPI document from a URL, sees its operations, tests one with an API key (masked), and publishes", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Ola OpenAPI ${suffix}`);
  await setBuilderProfileViaApi(page.request, `Ola ${suffix}`);
  const gpt = await createGptViaApi(page.request, { name: `Weather Desk ${suffix}` });
  await openEditor(page, gpt.id);

  const editor = await openNewActionEditor(page, "From OpenAPI");
  await editor.getByRole("tab", { name: "Import from URL" }).click();
  await editor.getByLabel("Document URL").fill(`${FAKE_API}/openapi.json`);
  await editor.getByRole("button", { name: "Import" }).click();
  await expect(editor.getByTestId("openapi-preview")).toContainText("Fake Weather & Notes API");
  await expect(editor.getByTestId("openapi-preview")).toContainText(FAKE_API);

  // Every operation of the document is listed, each with the warnings the server found.
  const preview = await page.request.post(`/api/gpts/${gpt.id}/actions/preview`, {
    data: { url: `${FAKE_API}/openapi.json` },
  });
  expect(preview.status(), await preview.text()).toBe(200);
  const parsed: { operations: { operationId: string; warnings: string[] }[] } =
    await preview.json();
  const rows = editor.getByTestId("operation-row");
  await expect(rows).toHaveCount(parsed.operations.length);
  for (const name of ["getWeather", "createNote", "getNote", "deleteNote", "getProfile"]) {
    await expect(operationRow(editor, name)).toBeVisible();
  }
  await expect(operationRow(editor, "deleteNote")).toContainText("Consequential");
  for (const operation of parsed.operations) {
    const row = operationRow(editor, operation.operationId);
    for (const warning of operation.warnings) {
      await expect(
        row.getByRole("list", { name: `Warnings for ${operation.operationId}` }),
      ).toContainText(warning);
    }
  }
  await expect(operationRow(editor, "getWeather")).toContainText("Save to test");

  // API key in the X-Api-Key header.
  await editor.getByRole("radio", { name: /^API key/ }).check();
  await editor.getByLabel("Send the key as").selectOption("header");
  await editor.getByLabel("Header name").fill("X-Api-Key");
  // The password input (the "API key" radio's name also holds its hint, so exact picks this one).
  await editor.getByRole("textbox", { name: "API key", exact: true }).fill(FAKE_API_KEY);
  await editor.getByLabel("Privacy policy URL").fill(PRIVACY_URL);
  await expectNoA11yViolations(page);
  await editor.getByRole("heading", { name: "Schema" }).scrollIntoViewIfNeeded();
  await screenshot(editor, "editor-schema");
  await editor.getByRole("heading", { name: "Authentication" }).scrollIntoViewIfNeeded();
  await screenshot(editor, "editor-auth");

  await editor.getByRole("button", { name: "Save action" }).click();
  await expect(page.getByText("Fake Weather & Notes API added.")).toBeVisible();
  // Saved: the key is write-only from now on.
  await expect(editor.getByTestId("action-api-key-secret-stored")).toHaveText("•••• set");
  await expect(editor.getByRole("textbox", { name: "API key", exact: true })).toHaveCount(0);

  // Test getWeather: the request as sent shows the key masked, the response is the API's.
  await operationRow(editor, "getWeather").getByTestId("operation-test").click();
  const testDialog = page.getByRole("dialog", { name: "Test getWeather" });
  await expect(testDialog).toBeVisible();
  await testDialog.getByRole("textbox", { name: /^city/ }).fill("Paris");
  await testDialog.getByRole("button", { name: "Run" }).click();
  const result = testDialog.getByTestId("test-result");
  await expect(result.getByTestId("test-result-status")).toContainText("200");
  await expect(result).toContainText(`${FAKE_API}/weather?city=Paris`);
  await expect(result).toContainText('"city": "Paris"');
  const keyRow = result
    .getByRole("table", { name: "Request headers" })
    .getByRole("row")
    .filter({ hasText: /x-api-key/i });
  await expect(keyRow).toContainText("••••");
  await expect(page.locator("body")).not.toContainText(FAKE_API_KEY);
  expect(await page.content()).not.toContain(FAKE_API_KEY);
  await screenshot(testDialog, "test-result");
  await page.keyboard.press("Escape");
  await expect(testDialog).toBeHidden();
  await editor.getByRole("button", { name: "Done" }).click();
  await expect(editor).toBeHidden();

  const card = page.getByTestId("action-card");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Fake Weather & Notes API");
  await expect(card).toContainText(FAKE_API_DOMAIN);

  // The call log lists the test call.
  await page.getByRole("button", { name: "Call log" }).click();
  const log = page.getByTestId("call-log");
  await expect(log).toContainText("1 call");
  const logRow = log.getByRole("row").filter({ hasText: "getWeather" });
  await expect(logRow).toContainText("Test");
  await expect(logRow).toContainText("200");
  await expect(logRow).toContainText(FAKE_API_DOMAIN);
  await screenshot(log, "call-log");
  await page.keyboard.press("Escape");
  await expect(log).toBeHidden();

  // Actions are off for this GPT until the creator turns them on; then publish to the store.
  const section = page.getByTestId("actions-section");
  await screenshot(section, "section");
  await section.getByRole("button", { name: "Turn on Actions" }).click();
  await expect(section.getByTestId("actions-off-note")).toHaveCount(0);
  await expectSaved(page);
  await publishInEditor(page, "Public");

  await page.goto(`/g/${gpt.slug}`);
  const services = page.getByTestId("action-services");
  await expect(services).toContainText("Uses actions");
  await expect(services).toContainText(FAKE_API_DOMAIN);
  await expect(
    services.getByRole("link", { name: `Privacy policy of ${FAKE_API_DOMAIN}` }),
  ).toHaveAttribute("href", PRIVACY_URL);
  await screenshot(services, "store-services");
});

test("[ACTIONS]: an invalid document shows its problems with their place in the document", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Ivan Invalid ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: `Broken Docs ${suffix}`,
    capabilities: ["actions"],
  });
  await openEditor(page, gpt.id);
  const invalid = await (await page.request.get(`${FAKE_API}/openapi-invalid.json`)).text();
  const swagger = await (await page.request.get(`${FAKE_API}/swagger2.json`)).text();

  const editor = await openNewActionEditor(page, "From OpenAPI");
  const documentField = editor.getByLabel("OpenAPI document");
  await documentField.fill(invalid);
  const problems = editor.getByTestId("openapi-problems");
  await expect(problems).toBeVisible();
  const list = problems.getByRole("list", { name: "Problems in the document" });
  // Each problem names where it is: first the weather GET without responses…
  const weatherProblem = list.getByRole("listitem").filter({ hasText: "responses" });
  await expect(weatherProblem.locator("code")).toHaveText("paths./weather.get");
  await expect(editor.getByTestId("operation-row")).toHaveCount(0);
  await expectNoA11yViolations(page);
  await screenshot(editor, "problems");

  // …and once that is fixed, the {noteId} path parameter that is never declared.
  const doc = JSON.parse(invalid);
  doc.paths["/weather"].get.responses = { "200": { description: "The weather" } };
  await documentField.fill(JSON.stringify(doc, null, 2));
  const noteProblem = list.getByRole("listitem").filter({ hasText: "noteId" });
  await expect(noteProblem.locator("code")).toHaveText("paths./notes/{noteId}.get");
  await expect(weatherProblem).toHaveCount(0);

  // Saving refuses the document and points at it.
  await editor.getByRole("button", { name: "Save action" }).click();
  await expect(documentField).toHaveAttribute("aria-invalid", "true");
  await expect(documentField).toBeFocused();
  await expect(page.getByTestId("action-card")).toHaveCount(0);

  // A Swagger 2.0 document is converted, and says so.
  await documentField.fill(swagger);
  const preview = editor.getByTestId("openapi-preview");
  await expect(preview).toContainText("Converted from Swagger 2.0.");
  await expect(preview).toContainText("OpenAPI 3.0");
  await expect(problems).toHaveCount(0);
  // The refused document's error went with it.
  await expect(documentField).not.toHaveAttribute("aria-invalid", "true");
  await expect(operationRow(editor, "getWeather")).toBeVisible();
  await screenshot(editor, "swagger2");
});

test("[ACTIONS]: in chat, the first call to a domain asks for consent; Allow runs it and the step shows the result", async ({
  page,
  browser,
}) => {
  const gpt = await publishedWeatherGpt(page, API_KEY_AUTH, "Weather Chat");

  const userContext = await newIsolatedContext(browser);
  try {
    const user = await userContext.newPage();
    await signUpViaApi(user, `Uma User ${uniqueSuffix()}`);
    await user.goto(`/g/${gpt.slug}`);
    await send(user, '[[scenario:toolCall]] [[tool:getWeather {"city":"Paris"}]] weather?');

    const consent = user.getByTestId("action-consent");
    await expect(consent).toBeVisible();
    await expect(consent).toContainText(`${gpt.name} wants to talk to ${FAKE_API_DOMAIN}`);
    await expect(consent).toContainText("GET");
    await expect(consent).toContainText(`${FAKE_API}/weather?city=Paris`);
    await expect(consent).not.toContainText(FAKE_API_KEY);
    await expectNoA11yViolations(user);
    await screenshot(consent, "consent");

    await consent.getByTestId("consent-allow").click();
    const answer = user.getByTestId("message-assistant").last();
    await expect(answer).toHaveAttribute("data-status", "COMPLETE");
    await expect(answer).toContainText("Tool result received");
    const step = answer.getByTestId("action-step");
    await expect(step).toHaveAttribute("data-state", "done");
    await step.getByRole("button", { name: `Called ${FAKE_API_DOMAIN}` }).click();
    const details = step.getByTestId("action-step-details");
    await expect(details).toContainText("HTTP 200");
    await expect(details).toContainText("Paris");
    await screenshot(answer, "step");

    // Stored with the message: still there after a reload.
    await expect(user).toHaveURL(/\/c\/[^/]+$/);
    await user.reload();
    const storedStep = user.getByTestId("message-assistant").last().getByTestId("action-step");
    await expect(storedStep).toHaveAttribute("data-state", "done");
    await storedStep.getByRole("button", { name: `Called ${FAKE_API_DOMAIN}` }).click();
    await expect(storedStep.getByTestId("action-step-details")).toContainText("HTTP 200");

    // A call that changes data asks again; Deny sends nothing.
    await send(
      user,
      '[[scenario:toolCall]] [[tool:createNote {"body":{"title":"Groceries"}}]] note it',
    );
    const second = user.getByTestId("action-consent");
    await expect(second).toContainText(`${FAKE_API}/notes`);
    await expect(second).toContainText("Groceries");
    await expect(second).toContainText("This changes something");
    await second.getByTestId("consent-deny").click();
    const deniedAnswer = user.getByTestId("message-assistant").last();
    await expect(deniedAnswer).toHaveAttribute("data-status", "COMPLETE");
    const denied = deniedAnswer.getByTestId("action-step");
    await expect(denied).toHaveAttribute("data-state", "denied");
    await expect(denied).toContainText("denied");
  } finally {
    await userContext.close();
  }
});

test("[ACTIONS]: OAuth: the user connects their account in a popup and the held call goes on; Connected accounts lists and disconnects it", async ({
  page,
  browser,
}) => {
  const gpt = await publishedWeatherGpt(
    page,
    {
      kind: "oauth",
      clientId: FAKE_OAUTH_CLIENT_ID,
      clientSecret: FAKE_OAUTH_CLIENT_SECRET,
      authorizeUrl: `${FAKE_API}/oauth/authorize`,
      tokenUrl: `${FAKE_API}/oauth/token`,
      scopes: "profile:read",
      tokenAuthMethod: "client_secret_post",
    },
    "Profile Pal",
  );

  const userContext = await newIsolatedContext(browser);
  try {
    const user = await userContext.newPage();
    await signUpViaApi(user, `Otto OAuth ${uniqueSuffix()}`);
    await user.goto(`/g/${gpt.slug}`);
    await send(user, "[[scenario:toolCall]] [[tool:getProfile {}]] who am I?");

    await user.getByTestId("consent-allow").click();
    const connectCard = user.getByTestId("action-consent");
    await expect(connectCard).toHaveAttribute("data-state", "awaiting_connection");
    await expect(connectCard).toContainText(`Connect your account on ${FAKE_API_DOMAIN}`);
    await expectNoA11yViolations(user);
    await screenshot(connectCard, "connect");

    const popupPromise = user.waitForEvent("popup");
    await connectCard.getByTestId("action-connect").click();
    const popup = await popupPromise;
    await expect(
      popup.getByRole("heading", { name: "Fake API wants to let Atelier access your profile" }),
    ).toBeVisible();
    const closed = popup.waitForEvent("close");
    await popup.getByRole("button", { name: "Authorize" }).click();
    await expect(popup).toHaveURL(/\/actions\/connected/);
    await expect(
      popup.getByRole("heading", { name: `Connected to ${FAKE_API_DOMAIN}` }),
    ).toBeVisible();
    await screenshot(popup, "popup-connected");
    await closed;

    const answer = user.getByTestId("message-assistant").last();
    await expect(answer).toHaveAttribute("data-status", "COMPLETE", { timeout: 20_000 });
    await expect(answer).toContainText("Tool result received");
    const step = answer.getByTestId("action-step");
    await expect(step).toHaveAttribute("data-state", "done");
    await step.getByRole("button", { name: `Called ${FAKE_API_DOMAIN}` }).click();
    await expect(step.getByTestId("action-step-details")).toContainText("HTTP 200");
    await expect(step.getByTestId("action-step-details")).toContainText("Ada Example");

    await user.goto("/settings/connections");
    const accounts = user.getByTestId("connected-accounts");
    const row = accounts.getByTestId("connection-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(FAKE_API_DOMAIN);
    await expect(row).toContainText(`For ${gpt.name}`);
    await expect(row).toContainText("profile:read");
    await expectNoA11yViolations(user);
    await screenshot(user, "connections");
    await row
      .getByRole("button", { name: `Disconnect ${FAKE_API_DOMAIN} for ${gpt.name}` })
      .click();
    await user.getByRole("alertdialog").getByRole("button", { name: "Disconnect" }).click();
    await expect(user.getByText(`Disconnected ${FAKE_API_DOMAIN}`)).toBeVisible();
    await expect(row).toHaveCount(0);
    await expect(accounts).toContainText("No connected accounts");
    const status = await user.request.get("/api/me/connections");
    expect((await status.json()).connections).toEqual([]);
  } finally {
    await userContext.close();
  }
});

test("[ACTIONS]: a remote MCP server's tools are listed and called in chat", async ({ page }) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Mia MCP ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: `Order Desk ${suffix}`,
    capabilities: ["actions"],
  });
  await openEditor(page, gpt.id);

  const editor = await openNewActionEditor(page, "Connect MCP server");
  await expect(editor.getByRole("heading", { name: "Add an MCP server" })).toBeVisible();
  await editor.getByLabel("MCP server URL").fill(FAKE_MCP);
  await editor.getByLabel("Privacy policy URL").fill(PRIVACY_URL);
  await editor.getByRole("button", { name: "Save MCP server" }).click();

  const rows = editor.getByTestId("operation-row");
  await expect(rows).toHaveCount(3);
  for (const tool of ["lookup_order", "add_numbers", "delete_order"]) {
    await expect(operationRow(editor, tool)).toBeVisible();
  }
  await expect(operationRow(editor, "delete_order")).toContainText("Consequential");
  await expect(operationRow(editor, "add_numbers")).not.toContainText("Consequential");
  await screenshot(editor, "mcp-editor");

  await operationRow(editor, "add_numbers").getByTestId("operation-test").click();
  const testDialog = page.getByRole("dialog", { name: "Test add_numbers" });
  await testDialog.getByRole("spinbutton", { name: /^a\b/ }).fill("2");
  await testDialog.getByRole("spinbutton", { name: /^b\b/ }).fill("40");
  await testDialog.getByRole("button", { name: "Run" }).click();
  await expect(testDialog.getByTestId("test-result")).toContainText("42");
  await expectNoA11yViolations(page);
  await screenshot(testDialog, "mcp-test");
  await page.keyboard.press("Escape");
  await editor.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("action-card")).toContainText("MCP");
  await expect(page.getByTestId("action-card")).toContainText(FAKE_MCP_DOMAIN);

  await publishInEditor(page, "Anyone with the link");
  await page.goto(`/g/${gpt.slug}`);
  await send(page, '[[scenario:toolCall]] [[tool:add_numbers {"a":2,"b":40}]] add them');
  const consent = page.getByTestId("action-consent");
  await expect(consent).toContainText(FAKE_MCP_DOMAIN);
  await consent.getByTestId("consent-allow").click();
  const answer = page.getByTestId("message-assistant").last();
  await expect(answer).toHaveAttribute("data-status", "COMPLETE");
  await expect(answer).toContainText("Tool result received");
  const step = answer.getByTestId("action-step");
  await expect(step).toHaveAttribute("data-state", "done");
  await step.getByRole("button", { name: `Called ${FAKE_MCP_DOMAIN}` }).click();
  const details = step.getByTestId("action-step-details");
  await expect(details).toContainText("42");
  // A tool has no HTTP status; a successful call must not read as a failure.
  await expect(details).not.toContainText("No response");
  await expect(details).toContainText("Done");
  await screenshot(answer, "mcp-step");
});

test("[ACTIONS]: on a phone, the Actions section, the editor and the consent card fit the screen and pass axe", async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const gpt = await publishedWeatherGpt(page, API_KEY_AUTH, "Pocket Weather");

  await openEditor(page, gpt.id);
  const section = page.getByTestId("actions-section");
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByTestId("action-card")).toHaveCount(1);
  await expectNoHorizontalScroll(page);
  await expectNoA11yViolations(page);
  await screenshot(section, "phone-section");

  await section.getByRole("button", { name: /^Edit / }).click();
  const editor = page.getByTestId("action-editor");
  await expect(editor.getByTestId("operation-row").first()).toBeVisible();
  const box = await editor.boundingBox();
  expect(box?.width).toBeLessThanOrEqual(390);
  const editorOverflow = await editor.evaluate((element) => {
    const form = element.querySelector("form");
    return form ? form.scrollWidth - form.clientWidth : 0;
  });
  expect(editorOverflow).toBeLessThanOrEqual(0);
  await expectNoHorizontalScroll(page);
  await expectNoA11yViolations(page);
  await screenshot(editor, "phone-editor");
  await page.keyboard.press("Escape");

  const userContext = await newIsolatedContext(browser, { viewport: { width: 390, height: 844 } });
  try {
    const user = await userContext.newPage();
    await signUpViaApi(user, `Pia Phone ${uniqueSuffix()}`);
    await user.goto(`/g/${gpt.slug}`);
    await send(
      user,
      '[[scenario:toolCall]] [[tool:createNote {"body":{"title":"A rather long note title to see how it wraps on a phone","tags":["one","two"]}}]] note',
    );
    const consent = user.getByTestId("action-consent");
    await expect(consent.getByTestId("consent-allow")).toBeVisible();
    await expectNoHorizontalScroll(user);
    await expectNoA11yViolations(user);
    await screenshot(user, "phone-consent");
  } finally {
    await userContext.close();
  }
});
