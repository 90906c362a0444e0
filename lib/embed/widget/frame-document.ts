import { FRAME_SCRIPT } from "./frame-script";
import { frameStyles } from "./frame-styles";

export type FrameContent = {
  gptId: string;
  name: string;
  avatarUrl: string | null;
  /** The generated avatar's background when there is no picture. */
  avatarColor: string;
  initials: string;
  themeColor: string;
  themeForeground: string;
  greeting: string;
  starters: string[];
};

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** JSON inside <script>: no "</script>" or "<!--" can end or bend the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const SEND_ICON =
  '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M12 19V5M5 12l7-7 7 7"/></svg>';
const CLOSE_ICON =
  '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M18 6 6 18M6 6l12 12"/></svg>';

function page({ title, styles, body }: { title: string; styles: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>${body}</body>
</html>`;
}

/**
 * The chat panel's document (GET /embed/<gptId>): header, greeting and starters rendered here
 * (escaped), the conversation and composer driven by the inline script.
 */
export function frameDocument({
  content,
  nonce,
  appUrl,
}: {
  content: FrameContent;
  nonce: string;
  appUrl: string;
}): string {
  const name = escapeHtml(content.name);
  const avatar = content.avatarUrl
    ? `<img class="avatar" src="${escapeHtml(content.avatarUrl)}" alt="">`
    : `<span class="avatar" aria-hidden="true" style="background:${content.avatarColor}">${escapeHtml(content.initials)}</span>`;
  const greeting = content.greeting
    ? `<div class="msg assistant"><p>${escapeHtml(content.greeting)}</p></div>`
    : "";
  const starters =
    content.starters.length > 0
      ? `<ul class="starters" id="starters" aria-label="Conversation starters">${content.starters
          .map((starter) => `<li><button type="button">${escapeHtml(starter)}</button></li>`)
          .join("")}</ul>`
      : "";
  const config = { gptId: content.gptId, name: content.name };
  const body = `<div class="app">
<header>${avatar}<h1>${name}</h1><button type="button" class="icon-button" id="close" aria-label="Close chat" hidden>${CLOSE_ICON}</button></header>
<main>${greeting}<div class="log" id="log" role="log" aria-live="polite" aria-label="Conversation"></div>${starters}</main>
<form id="composer"><label for="message" class="sr-only">Message</label><textarea id="message" rows="1" placeholder="Message ${name}…" autocomplete="off"></textarea><button type="submit" class="send" id="send" aria-label="Send message">${SEND_ICON}</button></form>
<footer><a href="${escapeHtml(appUrl)}" target="_blank" rel="noopener">Powered by Atelier</a></footer>
</div>
<script type="application/json" id="embed-config" nonce="${nonce}">${scriptJson(config)}</script>
<script nonce="${nonce}">${FRAME_SCRIPT}</script>`;
  return page({
    title: `Chat with ${content.name}`,
    styles: frameStyles({ theme: content.themeColor, themeText: content.themeForeground }),
    body,
  });
}

/** What the frame shows when the widget may not run (only reachable outside a frame). */
export function frameNoticeDocument({ message }: { message: string }) {
  return page({
    title: "Chat unavailable",
    styles: frameStyles({ theme: "#111827", themeText: "#ffffff" }),
    body: `<main><p class="notice">${escapeHtml(message)}</p></main>`,
  });
}
