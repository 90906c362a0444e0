import { encode } from "gpt-tokenizer";
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
  conversationIdFrom,
  expectGrowsWhileStreaming,
  GPT_PATH,
  plainReply,
  SLOW_REPLY,
  send,
} from "./helpers";

const STARTER = "Make this paragraph more concise";
const SERVER_ERROR = "The model provider had an internal error. Retry in a moment.";

test("[CHAT]: a starter opens a conversation with its own URL and sidebar entry, answers stream in progressively, and the thread survives a reload", async ({
  page,
}) => {
  await signUpViaApi(page, "Chat Starter");
  await page.goto(GPT_PATH);
  await page.getByRole("button", { name: STARTER }).click();

  const users = page.getByTestId("message-user");
  const answers = page.getByTestId("message-assistant");
  await expect(users).toHaveText([STARTER]);
  await expect(answers).toHaveCount(1);
  await expect(answers.first()).toContainText(plainReply(STARTER));
  await expect(answers.first()).toHaveAttribute("data-status", "COMPLETE");

  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  const conversationId = conversationIdFrom(page);
  const sidebar = page.getByRole("navigation", { name: "Conversations" });
  const entry = sidebar
    .getByTestId("conversation-list")
    .getByRole("link", { name: new RegExp(STARTER) });
  await expect(entry).toHaveAttribute("href", `/c/${conversationId}`);

  // A slow answer shows up word by word, not all at once at the end.
  await send(page, "[[scenario:slowStream]] tell me a story");
  await expect(users).toHaveCount(2);
  const slow = answers.nth(1);
  const first = await expectGrowsWhileStreaming(slow, 0);
  const second = await expectGrowsWhileStreaming(slow, first);
  await expectGrowsWhileStreaming(slow, second);
  await expect(slow).toHaveAttribute("data-status", "COMPLETE", { timeout: 30_000 });
  await expect(slow).toContainText(SLOW_REPLY);
  await expect(page.getByRole("button", { name: "Stop generating" })).toHaveCount(0);

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/c/${conversationId}$`));
  await expect(users).toHaveText([STARTER, "[[scenario:slowStream]] tell me a story"]);
  await expect(answers).toHaveCount(2);
  await expect(answers.nth(0)).toContainText(plainReply(STARTER));
  await expect(answers.nth(1)).toContainText(SLOW_REPLY);
  await expect(answers.nth(0)).toHaveAttribute("data-status", "COMPLETE");
  await expect(answers.nth(1)).toHaveAttribute("data-status", "COMPLETE");
  await expect(entry).toHaveAttribute("aria-current", "page");
});

test("[CHAT]: markdown answers render headings and code blocks while raw HTML in them never runs", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signUpViaApi(page, "Markdown Reader");
  await page.goto(GPT_PATH);
  await send(page, "[[scenario:markdownCode]] show me some code");

  const answer = page.getByTestId("message-assistant").last();
  await expect(answer).toHaveAttribute("data-status", "COMPLETE");

  async function expectSafeMarkdown() {
    await expect(
      answer.getByRole("heading", { name: "Fake model answer", level: 2 }),
    ).toBeVisible();
    await expect(answer.locator("strong")).toHaveText("bold");
    await expect(answer.getByRole("listitem")).toHaveCount(3);
    await expect(answer.locator("pre code")).toContainText(
      "export function add(a: number, b: number): number {",
    );
    await expect(answer.locator("pre code")).toContainText("console.log(add(2, 3));");
    // The raw tag is shown as text and never becomes an element.
    await expect(answer).toContainText(
      'Raw HTML that must be sanitized: <script>alert("xss")</script>',
    );
    await expect(answer.locator("script")).toHaveCount(0);
    expect(dialogs).toEqual([]);
  }

  await expectSafeMarkdown();
  // Nothing the answer carried was injected anywhere in the document.
  const injected = await page.evaluate(
    () =>
      [...document.querySelectorAll("script")].filter((script) =>
        script.textContent?.includes('alert("xss")'),
      ).length,
  );
  expect(injected).toBe(0);

  // The server-rendered page of the saved conversation is just as safe.
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  await page.reload();
  await expect(answer).toHaveAttribute("data-status", "COMPLETE");
  await expectSafeMarkdown();
  await expectNoA11yViolations(page);
  expect(dialogs).toEqual([]);
});

// Stop, reload mid-stream, regenerate, edit and copy: chat-controls.spec.ts.

test("[CHAT]: a model error is saved with its answer and shown in it; Regenerate re-asks the saved question, which is never saved twice", async ({
  page,
}) => {
  await signUpViaApi(page, "Error Seer");
  await page.goto(GPT_PATH);
  const question = "[[scenario:serverError]] hello?";
  await send(page, question);

  const users = page.getByTestId("message-user");
  const answers = page.getByTestId("message-assistant");
  await expect(answers).toHaveCount(1);
  await expect(answers.last()).toHaveAttribute("data-status", "FAILED");
  await expect(answers.last().getByRole("alert")).toHaveText(SERVER_ERROR);
  await expect(users).toHaveText([question]);
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  const conversationId = conversationIdFrom(page);

  const retryRequest = page.waitForRequest(
    (request) => request.url().endsWith("/api/chat") && request.method() === "POST",
  );
  await answers.last().getByRole("button", { name: "Regenerate answer" }).click();
  const body = (await retryRequest).postDataJSON();
  expect(body).toMatchObject({ conversationId, trigger: "regenerate-message" });
  expect(body).not.toHaveProperty("message");
  await expect(answers.last()).toHaveAttribute("data-status", "FAILED");
  await expect(answers.last().getByRole("alert")).toHaveText(SERVER_ERROR);
  await expect(users).toHaveText([question]);
  await expect(answers).toHaveCount(1);

  // As saved: the question once, and only the latest (failed) answer to it.
  await page.reload();
  await expect(users).toHaveText([question]);
  await expect(answers).toHaveCount(1);
  await expect(answers.last()).toHaveAttribute("data-status", "FAILED");
  await expect(answers.last().getByRole("alert")).toHaveText(SERVER_ERROR);
  await expect(answers.last().getByRole("button", { name: "Regenerate answer" })).toBeVisible();
  await expect(page.getByLabel("Message", { exact: true })).toBeEditable();
});

test("[CHAT]: a conversation is renamed and deleted from the sidebar, and both changes survive a reload", async ({
  page,
}) => {
  await signUpViaApi(page, "Sidebar Keeper");
  await page.goto(GPT_PATH);
  const title = "Notes about sidebar housekeeping";
  await send(page, title);
  await expect(page.getByTestId("message-assistant")).toHaveAttribute("data-status", "COMPLETE");
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  const conversationId = conversationIdFrom(page);

  const list = page
    .getByRole("navigation", { name: "Conversations" })
    .getByTestId("conversation-list");
  await expect(list.getByRole("link", { name: new RegExp(title) })).toBeVisible();

  await list.getByRole("button", { name: `Options for ${title}` }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const renamed = "Renamed by the e2e test";
  const input = list.getByRole("textbox", { name: "Conversation title" });
  await input.fill(renamed);
  await input.press("Enter");
  const renamedLink = list.getByRole("link", { name: new RegExp(renamed) });
  await expect(renamedLink).toBeVisible();
  await expect(list.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);

  await page.reload();
  await expect(renamedLink).toHaveAttribute("href", `/c/${conversationId}`);
  await expect(list.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);

  await list.getByRole("button", { name: `Options for ${renamed}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete this conversation?" });
  await expect(confirm).toContainText(renamed);
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("link", { name: new RegExp(renamed) })).toHaveCount(0);
  // It was the open conversation: the app leaves its page.
  await expect(page).toHaveURL(/\/chat$/);

  await page.reload();
  await expect(page.getByRole("navigation", { name: "Conversations" })).toContainText(
    "No conversations yet.",
  );
  expect((await page.request.get(`/api/conversations/${conversationId}`)).status()).toBe(404);
  expect((await page.goto(`/c/${conversationId}`))?.status()).toBe(404);
});

test("[CHAT]: the browser sends only the new message and the conversation id, never the history", async ({
  page,
}) => {
  const bodies: Record<string, unknown>[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/chat") {
      bodies.push(request.postDataJSON());
    }
  });
  await signUpViaApi(page, "Lean Client");
  await page.goto(GPT_PATH);
  const answers = page.getByTestId("message-assistant");

  await send(page, "first question for the model");
  await expect(answers.nth(0)).toHaveAttribute("data-status", "COMPLETE");
  await expect(answers.nth(0)).toContainText(plainReply("first question for the model"));
  const conversationId = conversationIdFrom(page);

  await send(page, "second question for the model");
  await expect(answers.nth(1)).toContainText(plainReply("second question for the model"));
  await expect(answers.nth(1)).toHaveAttribute("data-status", "COMPLETE");

  expect(bodies).toHaveLength(2);
  const [first, second] = bodies;
  expect(first).toMatchObject({ message: { text: "first question for the model" } });
  expect(first).not.toHaveProperty("conversationId");
  expect(second).toMatchObject({
    conversationId,
    message: { text: "second question for the model" },
  });
  for (const body of bodies) {
    expect(body).not.toHaveProperty("messages");
    expect(Object.keys(body.message as object)).toEqual(["text"]);
    expect(JSON.stringify(body)).not.toContain("Hello! I am a test model");
  }
  expect(JSON.stringify(second)).not.toContain("first question");
});

type UsageSummary = {
  answers: number;
  inputTokens: number;
  outputTokens: number;
  byChannel: { channel: string; answers: number }[];
};

test("[CHAT]: each completed answer is metered exactly once in its GPT's usage summary, which only the owner or an admin can read", async ({
  page,
  browser,
}) => {
  const bodies: { gptId?: string }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/chat") {
      bodies.push(request.postDataJSON());
    }
  });
  await signUpViaApi(page, "Metered User");
  await page.goto(GPT_PATH);
  const answers = page.getByTestId("message-assistant");
  await send(page, "first metered question");
  await expect(answers.nth(0)).toHaveAttribute("data-status", "COMPLETE");
  const conversationId = conversationIdFrom(page);
  const gptId = bodies[0]?.gptId;
  expect(gptId).toBeTruthy();

  // The answer and its usage event are saved in one transaction: once the answer is stored, so is its usage.
  const storedAnswers = async () => {
    const response = await page.request.get(`/api/conversations/${conversationId}`);
    const { conversation } = await response.json();
    return conversation.messages.filter((message: { role: string }) => message.role === "assistant")
      .length;
  };
  await expect.poll(storedAnswers).toBe(1);

  // A chat user who does not own the GPT cannot read its usage.
  expect((await page.request.get(`/api/usage?gptId=${gptId}`)).status()).toBe(404);

  const adminContext = await newIsolatedContext(browser);
  try {
    await signInViaApi(adminContext.request, ADMIN.email, ADMIN.password);
    const usage = async (): Promise<UsageSummary> => {
      const response = await adminContext.request.get(`/api/usage?gptId=${gptId}`);
      expect(response.status()).toBe(200);
      return response.json();
    };
    const before = await usage();
    expect(before.answers).toBeGreaterThanOrEqual(1);

    const question = "second metered question";
    await send(page, question);
    await expect(answers.nth(1)).toContainText(plainReply(question));
    await expect(answers.nth(1)).toHaveAttribute("data-status", "COMPLETE");
    await expect.poll(storedAnswers).toBe(2);

    const after = await usage();
    expect(after.answers).toBe(before.answers + 1);
    // Output tokens are the tokens of the streamed answer (the fake model counts with gpt-tokenizer).
    expect(after.outputTokens - before.outputTokens).toBe(encode(plainReply(question)).length);
    // The prompt includes the system prompt and the whole history, so it is larger than the answer.
    expect(after.inputTokens - before.inputTokens).toBeGreaterThan(
      encode(plainReply(question)).length,
    );
    const storeAnswers = (summary: UsageSummary) =>
      summary.byChannel.find((group) => group.channel === "STORE")?.answers ?? 0;
    expect(storeAnswers(after)).toBe(storeAnswers(before) + 1);
  } finally {
    await adminContext.close();
  }
});

test.describe("at phone size (390x844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[CHAT]: the chat works on a phone: composer visible, conversations open in a sheet, no sideways scrolling, and axe passes", async ({
    page,
  }) => {
    await signUpViaApi(page, "Phone User");
    await page.goto(GPT_PATH);
    const composer = page.getByLabel("Message", { exact: true });
    await expect(composer).toBeVisible();
    await expect(composer).toBeInViewport();
    // The desktop sidebar is hidden; the button opens it instead.
    await expect(page.getByRole("navigation", { name: "Conversations" })).toBeHidden();
    await expectNoA11yViolations(page);

    await send(page, "hello from a phone");
    const answer = page.getByTestId("message-assistant");
    await expect(answer).toContainText(plainReply("hello from a phone"));
    await expect(answer).toHaveAttribute("data-status", "COMPLETE");
    const conversationId = conversationIdFrom(page);
    await expect(composer).toBeInViewport();
    // Everything fits the width: the account menu is reachable and nothing scrolls sideways.
    await expect
      .soft(page.getByRole("button", { name: "Account menu" }))
      .toBeInViewport({ ratio: 1 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect.soft(overflow, "horizontal overflow in px at 390 wide").toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page);

    // From a fresh chat, the sheet lists the conversation and opens it.
    await page.goto(GPT_PATH);
    await page.getByRole("button", { name: "Show conversations" }).click();
    const sheet = page.getByRole("dialog", { name: "Conversations" });
    await expect(sheet).toBeVisible();
    const entry = sheet.getByRole("link", { name: /hello from a phone/ });
    await expect(entry).toHaveAttribute("href", `/c/${conversationId}`);
    await expectNoA11yViolations(page);

    await entry.click();
    await expect(page).toHaveURL(new RegExp(`/c/${conversationId}$`));
    await expect(sheet).toBeHidden();
    await expect(answer).toContainText(plainReply("hello from a phone"));
    await expect(composer).toBeInViewport();
  });
});
