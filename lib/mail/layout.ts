/**
 * The one layout every Atelier email uses, rendered twice from the same parts: a plain-text body
 * (what the Outbox and the server log show, and what text-only mail clients read) and an HTML body
 * with inline styles (mail clients drop <style> sheets and external CSS). Pure: no I/O.
 */

export type EmailContent = { subject: string; text: string; html: string };

export type EmailParts = {
  subject: string;
  /** The first line of the body, and the inbox preview line of the HTML version. */
  greeting: string;
  /** Paragraphs before the button. */
  intro: string[];
  /** The button, with its URL repeated in plain text below it. */
  action?: { label: string; url: string };
  /** Paragraphs after the button (expiry, "ignore this if…"). */
  outro?: string[];
};

export const PRODUCT_NAME = "Atelier";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for an HTML element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Mail headers are single lines: a name with a line break in it must not start a new header. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").trim();
}

/**
 * Links in mail must be http(s): anything else (javascript:, data:) is a bug in the caller, never
 * something to put in front of a user.
 */
export function assertHttpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Email link is not a URL: ${url}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`Email links must be http(s) URLs, got ${parsed.protocol}`);
  }
  return url;
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const COLORS = {
  page: "#f4f4f5",
  card: "#ffffff",
  border: "#e4e4e7",
  text: "#18181b",
  muted: "#52525b",
  button: "#18181b",
  buttonText: "#ffffff",
  link: "#2563eb",
};

function paragraph(text: string, style = ""): string {
  return `<p style="margin:0 0 16px;${style}">${escapeHtml(text)}</p>`;
}

function renderHtml(parts: EmailParts, subject: string): string {
  const action = parts.action;
  const button = action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
<tr><td style="border-radius:8px;background:${COLORS.button};">
<a href="${escapeHtml(action.url)}" target="_blank" style="display:inline-block;padding:12px 22px;font-family:${FONT};font-size:15px;font-weight:600;line-height:1.2;color:${COLORS.buttonText};text-decoration:none;border-radius:8px;">${escapeHtml(action.label)}</a>
</td></tr></table>
<p style="margin:0 0 16px;font-size:13px;color:${COLORS.muted};">If the button does not work, copy this link into your browser:<br>
<a href="${escapeHtml(action.url)}" target="_blank" style="color:${COLORS.link};word-break:break-all;">${escapeHtml(action.url)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:${COLORS.page};">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(parts.intro[0] ?? "")}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${COLORS.page};">
<tr><td align="center" style="padding:32px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:520px;background:${COLORS.card};border:1px solid ${COLORS.border};border-radius:12px;">
<tr><td style="padding:32px 28px;font-family:${FONT};font-size:15px;line-height:1.6;color:${COLORS.text};">
<p style="margin:0 0 24px;font-size:18px;font-weight:700;letter-spacing:-0.01em;">${PRODUCT_NAME}</p>
${paragraph(parts.greeting)}
${parts.intro.map((text) => paragraph(text)).join("\n")}
${button}
${(parts.outro ?? []).map((text) => paragraph(text, `font-size:13px;color:${COLORS.muted};`)).join("\n")}
</td></tr>
</table>
<p style="margin:16px 0 0;font-family:${FONT};font-size:12px;color:${COLORS.muted};">Sent by ${PRODUCT_NAME}.</p>
</td></tr>
</table>
</body>
</html>
`;
}

function renderText(parts: EmailParts): string {
  const blocks = [parts.greeting, ...parts.intro];
  if (parts.action) blocks.push(`${parts.action.label}:\n${parts.action.url}`);
  blocks.push(...(parts.outro ?? []), `— ${PRODUCT_NAME}`);
  return `${blocks.join("\n\n")}\n`;
}

/** Subject, text and HTML from one set of parts; every value is escaped in the HTML. */
export function renderEmail(parts: EmailParts): EmailContent {
  const subject = oneLine(parts.subject);
  const checked = parts.action
    ? { ...parts, action: { ...parts.action, url: assertHttpUrl(parts.action.url) } }
    : parts;
  return { subject, text: renderText(checked), html: renderHtml(checked, subject) };
}
