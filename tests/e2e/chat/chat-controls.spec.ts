import { FAKE_API_KEY } from "../../fixtures/fake-api/server";
import { createGptViaApi, setBuilderProfileViaApi, uniqueSuffix } from "../builder/helpers";
import { expect, expectNoA11yViolations, signUpViaApi, test } from "../support/fixtures";
import {
  answerText,
  conversationIdFrom,
  expectGrowsWhileStreaming,
  GPT_PATH,
  plainReply,
  SLOW_REPLY,
  savedMessages,
  send,
} from "./helpers";

const FAKE_API = `http://127.0.0.1:${process.env.E2E_FAKE_API_PORT ?? "4020"}`;
const CHAT_POST = (url: string, method: string) => url.endsWith("/api/chat") && method === "POST";

test("[CHAT]: reloading while an answer streams shows the text so far at once and continues it live to the end", async ({
  page,
}) => {
  await signUpViaApi(page, "Reloader");
  await page.goto(GPT_PATH);
  await send(page, "[[scenario:slowStream]] a story to reload");
  const answer = page.getByTestId("message-assistant").last();
  // Past the server's first checkpoint (1 s): there is text so far to render.
  const before = await expectGrowsWhileStreaming(answer, 40);
  await expect(page).toHaveURL(/\/c\/[^/]+$/);

  const reloaded = await page.reload();
  // The server-rendered page itself carries the text so far.
  expect(await reloaded?.text()).toContain(SLOW_REPLY.slice(0, 30));
  await expect(page.getByRole("button", { name: "Stop generating" })).toBeVisible();
  await expectGrowsWhileStreaming(answer, before);
  await expect(answer).toHaveAttribute("data-status", "COMPLETE", { timeout: 30_000 });
  // The replayed start is not shown twice.
  await expect(answerText(answer)).toHaveText(SLOW_REPLY);
  await expect(page.getByTestId("message-assistant")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Send message" })).toBeVisible();
});

test("[CHAT]: Stop shows the partial answer as Stopped at once and after a reload; the last question is edited and resent, and the latest answer regenerated and copied", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUpViaApi(page, "Controller");
  await page.goto(GPT_PATH);
  const users = page.getByTestId("message-user");
  const answers = page.getByTestId("message-assistant");
  const question = "[[scenario:slowStream]] a long story please";
  await send(page, question);
  await expectGrowsWhileStreaming(answers.last(), 0);
  const conversationId = conversationIdFrom(page);

  // Hold the stop request: what the page shows before the server confirms is what "at once" means.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/conversations/*/stop", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Stop generating" }).click();
  await expect(answers.last()).toHaveAttribute("data-status", "INTERRUPTED");
  await expect(answers.last()).toContainText("Stopped");
  // Nothing can be sent until the server has saved the stopped answer.
  await expect(page.getByRole("button", { name: "Stopping…" })).toBeDisabled();
  release();
  await expect(page.getByRole("button", { name: "Send message" })).toBeVisible();
  await page.unroute("**/api/conversations/*/stop");
  expect((await savedMessages(page, conversationId)).summary).toEqual([
    "user:COMPLETE",
    "assistant:INTERRUPTED",
  ]);
  const partial = (await answerText(answers.last()).textContent())?.trim() ?? "";
  expect(partial.length).toBeGreaterThan(0);
  expect(partial.length).toBeLessThan(SLOW_REPLY.length);
  expect(SLOW_REPLY.startsWith(partial)).toBe(true);

  // After a reload: the same partial text, still Stopped.
  await page.reload();
  await expect(answers).toHaveCount(1);
  await expect(answers.last()).toHaveAttribute("data-status", "INTERRUPTED");
  await expect(answers.last()).toContainText("Stopped");
  await expect(answerText(answers.last())).toHaveText(partial);

  // Edit and resend the last question: it and its answer are replaced. Escape cancels.
  const edit = page.getByRole("button", { name: "Edit message" });
  await edit.click();
  const editor = page.getByRole("textbox", { name: "Edit your message" });
  await expect(editor).toHaveValue(question);
  await expect(editor).toBeFocused();
  await expectNoA11yViolations(page);
  await editor.press("Escape");
  await expect(editor).toHaveCount(0);
  await expect(edit).toBeFocused();
  await edit.click();
  const edited = "[[scenario:plainText]] a short one instead";
  await editor.fill(edited);
  const editRequest = page.waitForRequest((request) => CHAT_POST(request.url(), request.method()));
  await page.getByRole("button", { name: "Save & send" }).click();
  expect((await editRequest).postDataJSON()).toMatchObject({
    conversationId,
    trigger: "edit-message",
    message: { text: edited },
    editMessageId: expect.any(String),
  });
  await expect(users).toHaveText([edited]);
  await expect(answers).toHaveCount(1);
  await expect(answers.last()).toHaveAttribute("data-status", "COMPLETE");
  await expect(answerText(answers.last())).toHaveText(plainReply("a short one instead"));
  const beforeRegenerate = await savedMessages(page, conversationId);
  expect(beforeRegenerate.summary).toEqual(["user:COMPLETE", "assistant:COMPLETE"]);

  // Regenerate the latest answer: a new answer takes its place.
  const regenerateRequest = page.waitForRequest((request) =>
    CHAT_POST(request.url(), request.method()),
  );
  await answers.last().getByRole("button", { name: "Regenerate answer" }).click();
  expect((await regenerateRequest).postDataJSON()).toMatchObject({
    conversationId,
    trigger: "regenerate-message",
  });
  await expect(answers).toHaveCount(1);
  await expect(answers.last()).toHaveAttribute("data-status", "COMPLETE");
  const afterRegenerate = await savedMessages(page, conversationId);
  expect(afterRegenerate.summary).toEqual(["user:COMPLETE", "assistant:COMPLETE"]);
  expect(afterRegenerate.ids[0]).toBe(beforeRegenerate.ids[0]);
  expect(afterRegenerate.ids[1]).not.toBe(beforeRegenerate.ids[1]);

  // Copy puts the answer on the clipboard, and says so.
  await answers.last().getByRole("button", { name: "Copy answer" }).click();
  await expect(answers.last().getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    plainReply("a short one instead"),
  );

  await page.reload();
  await expect(users).toHaveText([edited]);
  await expect(answers).toHaveCount(1);
  await expect(answerText(answers.last())).toHaveText(plainReply("a short one instead"));
});

test("[CHAT]: a consent prompt survives a reload, and answering it from the reloaded page releases the held call", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Consent Reloader ${suffix}`);
  await setBuilderProfileViaApi(page.request, `Creator ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: `Reload Weather ${suffix}`,
    capabilities: ["actions"],
  });
  const schemaText = await (await page.request.get(`${FAKE_API}/openapi.json`)).text();
  const action = await page.request.post(`/api/gpts/${gpt.id}/actions`, {
    data: {
      kind: "openapi",
      schemaText,
      auth: { kind: "api_key", placement: "header", name: "X-Api-Key", secret: FAKE_API_KEY },
      privacyPolicyUrl: "https://weather.example.com/privacy",
    },
  });
  expect(action.status(), await action.text()).toBe(201);
  const published = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "PUBLIC" },
  });
  expect(published.status(), await published.text()).toBe(200);

  await page.goto(`/g/${gpt.slug}`);
  await send(page, '[[scenario:toolCall]] [[tool:getWeather {"city":"Paris"}]] weather?');
  const consent = page.getByTestId("action-consent");
  await expect(consent).toBeVisible();
  await expect(page).toHaveURL(/\/c\/[^/]+$/);

  await page.reload();
  await expect(consent).toContainText("GET");
  await consent.getByTestId("consent-allow").click();
  const answer = page.getByTestId("message-assistant").last();
  await expect(answer).toHaveAttribute("data-status", "COMPLETE");
  await expect(answer).toContainText("Tool result received");
  await expect(answer.getByTestId("action-step")).toHaveAttribute("data-state", "done");
});
