import type { Locator, Page } from "@playwright/test";
import { expect } from "../support/fixtures";

export const GPT_PATH = "/g/demo-writing-coach";

// The fake model's slowStream answer: 60 words, one every FAKE_OPENAI_SLOW_MS.
const SLOW_WORDS = "The quick brown fox jumps over the lazy dog while the stream ticks on.".split(
  " ",
);
export const SLOW_REPLY = Array.from(
  { length: 60 },
  (_, index) => SLOW_WORDS[index % SLOW_WORDS.length],
).join(" ");

export function plainReply(said: string): string {
  return `Hello! I am a test model. You said: "${said}".`;
}

export function conversationIdFrom(page: Page): string {
  const match = new URL(page.url()).pathname.match(/^\/c\/([^/]+)$/);
  expect(match, `expected a /c/<id> URL, got ${page.url()}`).not.toBeNull();
  return match![1]!;
}

/** Types into the composer and sends with the button. */
export async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send message" }).click();
}

/**
 * Status and answer length read in one go, so both describe the same moment. The length leaves out
 * aria-hidden decoration (the GPT avatar's initials), so an empty "thinking" bubble counts as 0.
 */
async function snapshot(message: Locator): Promise<{ status: string | null; length: number }> {
  return message.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return {
      status: element.getAttribute("data-status"),
      length: copy.textContent?.trim().length ?? 0,
    };
  });
}

/** Waits until the message is still streaming and longer than `than`; returns its new length. */
export async function expectGrowsWhileStreaming(message: Locator, than: number): Promise<number> {
  let length = -1;
  await expect
    .poll(async () => {
      const now = await snapshot(message);
      length = now.status === "STREAMING" ? now.length : -1;
      return length;
    })
    .toBeGreaterThan(than);
  return length;
}

/** The answer's text (its first paragraph; a "Stopped" or error note is another one). */
export function answerText(answer: Locator): Locator {
  return answer.getByRole("paragraph").first();
}

/** The conversation as saved: `role:status` per visible message, and their ids. */
export async function savedMessages(
  page: Page,
  conversationId: string,
): Promise<{ summary: string[]; ids: string[] }> {
  const response = await page.request.get(`/api/conversations/${conversationId}`);
  expect(response.status()).toBe(200);
  const { conversation } = await response.json();
  const messages = conversation.messages as {
    id: string;
    role: string;
    metadata?: { status?: string };
  }[];
  return {
    summary: messages.map((message) => `${message.role}:${message.metadata?.status ?? ""}`),
    ids: messages.map((message) => message.id),
  };
}
