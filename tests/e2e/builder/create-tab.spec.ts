import type { Locator, Page } from "@playwright/test";
import {
  ADMIN,
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signInViaApi,
  signUpViaApi,
  test,
} from "../support/fixtures";
import {
  createGptViaApi,
  expectSaved,
  getGptViaApi,
  nameInput,
  openEditor,
  uniqueSuffix,
} from "./helpers";

const screenshotDir = process.env.E2E_SCREENSHOT_DIR;

function createPanel(page: Page): Locator {
  return page.getByRole("tabpanel", { name: "Create" });
}

function instructionsInput(page: Page): Locator {
  return page.getByRole("textbox", { name: "Instructions", exact: true });
}

function tool(name: string, args: Record<string, unknown>): string {
  return `[[tool:${name} ${JSON.stringify(args)}]]`;
}

/** Sends a message to the builder and waits for its answer to finish. */
async function askBuilder(page: Page, text: string): Promise<void> {
  const panel = createPanel(page);
  const answers = panel.getByTestId("message-assistant");
  const before = await answers.count();
  await panel.getByRole("textbox", { name: "Message the GPT Builder" }).fill(text);
  await panel.getByRole("button", { name: "Send to the builder" }).click();
  await expect(answers).toHaveCount(before + 1);
  await expect(answers.last()).toHaveAttribute("data-status", "COMPLETE");
}

async function openTab(page: Page, name: "Create" | "Configure"): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

test("[BUILDER]: the Create tab fills the draft by conversation; each change shows in Configure and can be undone", async ({
  page,
}) => {
  const name = `Trail Buddy ${uniqueSuffix()}`;
  await signUpViaApi(page, "Cora Creator");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/gpts/new");

  // A new GPT opens on Create, with an empty state that suggests how to start.
  await expect(page.getByRole("tab", { name: "Create" })).toHaveAttribute("aria-selected", "true");
  const panel = createPanel(page);
  await expect(
    panel.getByRole("heading", { name: "Tell me what your GPT should do…" }),
  ).toBeVisible();
  await expect(
    panel.getByRole("list", { name: "Example prompts" }).getByRole("button"),
  ).toHaveCount(3);
  await expectNoA11yViolations(page);
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/create-tab-empty-1280.png` });

  await askBuilder(
    page,
    `[[scenario:toolCall]] ${tool("set_name", { name })} ${tool("set_instructions", { instructions: "You plan day hikes and packing lists." })}`,
  );
  await expect(page).toHaveURL(/\/gpts\/[^/]+\/edit$/);
  const gptId = /\/gpts\/([^/]+)\/edit$/.exec(page.url())![1];

  // Each change is listed in the builder chat...
  const changes = panel.getByTestId("builder-change");
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toHaveText(new RegExp(`Set the name to “${name}”`));
  await expect(changes.nth(1)).toContainText("Updated instructions");
  await expect(panel.getByTestId("message-assistant").last()).toContainText(
    "Tool result received:",
  );
  // ...and is already in the Configure form, saved.
  await expectSaved(page);
  await openTab(page, "Configure");
  await expect(nameInput(page)).toHaveValue(name);
  await expect(instructionsInput(page)).toHaveValue("You plan day hikes and packing lists.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  if (screenshotDir) {
    await openTab(page, "Create");
    await page.screenshot({ path: `${screenshotDir}/create-tab-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${screenshotDir}/create-tab-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  // Undo the name: the field goes back, the change says it was undone.
  await openTab(page, "Create");
  await expectNoA11yViolations(page);
  await panel.getByRole("button", { name: /^Undo: Set the name/ }).click();
  await expect(changes.nth(0)).toHaveAttribute("data-status", "UNDONE");
  await expect(changes.nth(0)).toContainText("Undone: set the name");
  await openTab(page, "Configure");
  await expect(nameInput(page)).toHaveValue("Untitled GPT");
  await expectSaved(page);
  const saved = await getGptViaApi(page.request, gptId);
  expect(saved).toMatchObject({
    name: "Untitled GPT",
    instructions: "You plan day hikes and packing lists.",
  });

  // The builder chat and its changes survive a reload (an existing GPT opens on Configure).
  await page.reload();
  await expect(page.getByRole("tab", { name: "Configure" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await openTab(page, "Create");
  await expect(panel.getByTestId("message-user")).toHaveCount(1);
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toHaveAttribute("data-status", "UNDONE");
  await expect(panel.getByRole("button", { name: /^Undo: Updated instructions/ })).toBeEnabled();
});

test("[BUILDER]: the builder only proposes changes to a field the creator edited by hand", async ({
  page,
}) => {
  await signUpViaApi(page, "Hana Hand");
  const gpt = await createGptViaApi(page.request, { name: `Hand edits ${uniqueSuffix()}` });
  await openEditor(page, gpt.id);
  await instructionsInput(page).fill("My own words.");
  await expectSaved(page);

  await openTab(page, "Create");
  await askBuilder(
    page,
    `[[scenario:toolCall]] ${tool("set_instructions", { instructions: "The builder's words." })}`,
  );
  const panel = createPanel(page);
  const proposal = panel.getByTestId("builder-change");
  await expect(proposal).toHaveAttribute("data-status", "PROPOSED");
  await expect(proposal).toContainText(
    "Proposed change to Instructions — you edited this field yourself",
  );
  await proposal.getByText("Show the proposed value").click();
  await expect(proposal).toContainText("The builder's words.");
  await expectNoA11yViolations(page);
  if (screenshotDir) {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: `${screenshotDir}/create-tab-proposal-dark-1280.png` });
    await expectNoA11yViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${screenshotDir}/create-tab-proposal-dark-390.png` });
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  await openTab(page, "Configure");
  await expect(instructionsInput(page)).toHaveValue("My own words.");

  // Apply it: the field takes the builder's value; it can be undone like any change.
  await openTab(page, "Create");
  await proposal.getByRole("button", { name: "Apply" }).click();
  await expect(proposal).toHaveAttribute("data-status", "APPLIED");
  await openTab(page, "Configure");
  await expect(instructionsInput(page)).toHaveValue("The builder's words.");
  await expectSaved(page);

  // A hand edit after it: undo would overwrite that edit, so it is refused with a reason.
  await instructionsInput(page).fill("The builder's words, and mine.");
  await expectSaved(page);
  await openTab(page, "Create");
  await panel.getByRole("button", { name: /^Undo: Updated instructions/ }).click();
  await expect(
    page.getByText("Instructions changed since; undo would overwrite your edit."),
  ).toBeVisible();
  await expect(proposal).toHaveAttribute("data-status", "APPLIED");
  expect((await getGptViaApi(page.request, gpt.id)).instructions).toBe(
    "The builder's words, and mine.",
  );
});

test("[BUILDER]: the Configure form is read-only while the builder answers", async ({ page }) => {
  await signUpViaApi(page, "Rita Readonly");
  const gpt = await createGptViaApi(page.request, { name: `Read only ${uniqueSuffix()}` });
  await openEditor(page, gpt.id);
  await openTab(page, "Create");
  const panel = createPanel(page);
  await panel
    .getByRole("textbox", { name: "Message the GPT Builder" })
    .fill("[[scenario:slowStream]]");
  await panel.getByRole("button", { name: "Send to the builder" }).click();
  await expect(panel.getByRole("button", { name: "Stop the builder" })).toBeVisible();

  await openTab(page, "Configure");
  await expect(nameInput(page)).toBeDisabled();
  await expect(page.getByText("The builder is updating your GPT")).toBeVisible();

  await openTab(page, "Create");
  await panel.getByRole("button", { name: "Stop the builder" }).click();
  await expect(panel.getByTestId("message-assistant").last()).toHaveAttribute(
    "data-status",
    "INTERRUPTED",
  );
  await openTab(page, "Configure");
  await expect(nameInput(page)).toBeEnabled();
});

test("[BUILDER]: with no model enabled, the Create tab explains why building by conversation is unavailable", async ({
  page,
  browser,
}) => {
  const adminContext = await newIsolatedContext(browser);
  const admin = await adminContext.newPage();
  await signInViaApi(admin.request, ADMIN.email, ADMIN.password);
  const listed = await admin.request.get("/api/admin/models");
  expect(listed.status(), await listed.text()).toBe(200);
  const enabledIds = ((await listed.json()).models as { id: string; isEnabled: boolean }[])
    .filter((model) => model.isEnabled)
    .map((model) => model.id);
  const setEnabled = async (isEnabled: boolean) => {
    for (const id of enabledIds) {
      const response = await admin.request.patch(`/api/admin/models/${id}`, {
        data: { isEnabled },
      });
      expect(response.status(), await response.text()).toBe(200);
    }
  };
  try {
    await setEnabled(false);
    await signUpViaApi(page, `Nora No-model ${uniqueSuffix()}`);
    await page.goto("/gpts/new");
    // Without a model a new GPT opens on Configure; Create says why it cannot help.
    await expect(page.getByRole("tab", { name: "Configure" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await openTab(page, "Create");
    const unavailable = createPanel(page).getByTestId("builder-unavailable");
    await expect(
      unavailable.getByRole("heading", { name: "Building by conversation is unavailable" }),
    ).toBeVisible();
    await expect(unavailable).toContainText("No model is configured on this Atelier instance");
    await expect(unavailable).toContainText("An administrator can add one");
    await expect(
      createPanel(page).getByRole("textbox", { name: "Message the GPT Builder" }),
    ).toHaveCount(0);

    // The administrator sees the same explanation with a way to fix it.
    await admin.goto("/gpts/new");
    await admin.getByRole("tab", { name: "Create" }).click();
    await expect(
      admin.getByRole("link", { name: "Add a model in Admin → Models" }),
    ).toHaveAttribute("href", "/admin/models");
  } finally {
    await setEnabled(true);
    await adminContext.close();
  }
});
