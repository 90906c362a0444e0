import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect } from "../support/fixtures";

/** The fake OpenAI-compatible server started by playwright.config.ts (control endpoints). */
export const FAKE_OPENAI_URL = `http://127.0.0.1:${process.env.E2E_FAKE_OPENAI_PORT ?? "4010"}`;

export type VisibilityLabel = "Only me" | "Anyone with the link" | "Public";

export type GptDraftBody = {
  name: string;
  description?: string;
  instructions?: string;
  conversationStarters?: string[];
  modelConfigId?: string | null;
  categoryId?: string | null;
  capabilities?: string[];
};

export type EditorGpt = {
  id: string;
  slug: string;
  name: string;
  description: string;
  instructions: string;
  conversationStarters: string[];
  modelConfigId: string | null;
  categoryId: string | null;
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
  revision: number;
  hasUnpublishedChanges: boolean;
  publishedVersion: { number: number; createdAt: string } | null;
};

/** A short random suffix so names stay unique across runs against the same database. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** Seeds a draft GPT through the API (the test is about something else than creating it). */
export async function createGptViaApi(
  request: APIRequestContext,
  draft: GptDraftBody,
): Promise<{ id: string; slug: string; revision: number }> {
  const response = await request.post("/api/gpts", { data: draft });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** Publishes the saved draft through the API (the test is about what follows a publish). */
export async function publishViaApi(
  request: APIRequestContext,
  id: string,
  options: { visibility: "PRIVATE" | "LINK" | "PUBLIC"; releaseNote?: string },
): Promise<void> {
  const response = await request.post(`/api/gpts/${id}/publish`, { data: options });
  expect(response.status(), await response.text()).toBe(200);
}

/** Replaces the draft through the API, at its current revision (unset fields take defaults). */
export async function updateDraftViaApi(
  request: APIRequestContext,
  id: string,
  draft: GptDraftBody & { allowRemix?: boolean },
): Promise<void> {
  const { revision } = await getGptViaApi(request, id);
  const response = await request.patch(`/api/gpts/${id}`, { data: { ...draft, revision } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Public GPTs need a builder profile (the creator name in the store): set it through the API. */
export async function setBuilderProfileViaApi(
  request: APIRequestContext,
  displayName: string,
): Promise<void> {
  const response = await request.put("/api/me/builder-profile", { data: { displayName } });
  expect(response.status(), await response.text()).toBe(200);
}

/** The owner's editor payload, read through the API. */
export async function getGptViaApi(request: APIRequestContext, id: string): Promise<EditorGpt> {
  const response = await request.get(`/api/gpts/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).gpt;
}

export function saveStatus(page: Page): Locator {
  return page.getByTestId("save-status");
}

/** Waits until everything typed so far has been saved. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveAttribute("data-state", "saved");
  await expect(saveStatus(page)).toHaveText("Saved");
}

export async function openEditor(page: Page, id: string): Promise<void> {
  await page.goto(`/gpts/${id}/edit`);
  await expect(page.getByRole("heading", { name: "Configure" })).toBeVisible();
  await expectSaved(page);
}

export function nameInput(page: Page): Locator {
  return page.getByRole("textbox", { name: "Name", exact: true });
}

/** Opens the publish dialog from the editor header. */
export async function openPublishDialog(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /^Publish/ })).toBeVisible();
  return dialog;
}

/** Publishes the saved draft through the editor's dialog with the given audience. */
export async function publishInEditor(page: Page, visibility: VisibilityLabel): Promise<void> {
  const dialog = await openPublishDialog(page);
  await dialog.getByRole("radio", { name: visibility, exact: true }).check();
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog.getByRole("heading", { name: /^Published v\d+$/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

type RecordedRequest = {
  path: string;
  body: { messages?: { role: string; content: unknown }[] } | null;
};

/** Chat-completion requests the fake model has received, oldest first. */
export async function fakeChatRequests(request: APIRequestContext): Promise<RecordedRequest[]> {
  const response = await request.get(`${FAKE_OPENAI_URL}/__control/requests`);
  expect(response.ok()).toBeTruthy();
  const all: RecordedRequest[] = await response.json();
  return all.filter((recorded) => recorded.path.endsWith("/chat/completions"));
}

/** The system prompt of a recorded request (string or text-part content). */
export function systemPromptOf(recorded: RecordedRequest): string {
  const system = recorded.body?.messages?.find((message) => message.role === "system");
  if (!system) return "";
  if (typeof system.content === "string") return system.content;
  if (Array.isArray(system.content)) {
    return system.content
      .map((part: { text?: string }) => (typeof part?.text === "string" ? part.text : ""))
      .join("");
  }
  return "";
}

/** The text the fake model's plainText scenario answers with (it echoes up to 60 characters). */
export function echoOf(text: string): string {
  return `Hello! I am a test model. You said: "${text.slice(0, 60)}".`;
}
